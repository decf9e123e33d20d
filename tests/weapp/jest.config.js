/**
 * Mini-program tests: the real `taro build --type weapp` output (dist/weapp) loaded into
 * miniprogram-simulate, which stands in for the WeChat client. globalSetup builds it when missing.
 */
const path = require('node:path');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  displayName: 'weapp',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/weapp/globalSetup.js',
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      { tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, target: 'ES2020' } },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The build output is plain JS for WeChat's runtime: run as built, never transformed.
  transformIgnorePatterns: ['/node_modules/', '/dist/'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Build outputs hold package.json files that would clash in jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/dist-[a-z]+/'],
  testTimeout: 30000,
};
