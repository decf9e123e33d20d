/**
 * Browser tests: the local server `npm start` runs (built functions over a fresh SQLite file) and
 * the built h5 app in Debian's Chromium through playwright-core. `npm test` runs them in band.
 */
const path = require('node:path');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  displayName: 'browser',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, target: 'ES2020' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Build outputs hold package.json files that would clash in jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/dist-[a-z]+/'],
  testTimeout: 180000,
};
