/**
 * Component tests: React pages and components in jsdom. Taro's and NutUI's components are mapped
 * to plain DOM stand-ins (mocks/), so these tests check our logic and copy; the real rendering is
 * covered by tests/weapp against the built mini-program.
 */
const path = require('node:path');

const mocks = path.join(__dirname, 'mocks');

module.exports = {
  rootDir: path.join(__dirname, '..', '..'),
  displayName: 'component',
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/tests/component/**/*.test.ts?(x)'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        // Type errors are caught once by `tsc --noEmit`; jest only transpiles.
        tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', esModuleInterop: true, target: 'ES2020' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  moduleNameMapper: {
    '^@tarojs/taro$': path.join(mocks, 'taro.ts'),
    '^@tarojs/components$': path.join(mocks, 'taroComponents.tsx'),
    '^@nutui/nutui-react-taro$': path.join(mocks, 'nutui.tsx'),
    '\\.(css|scss)$': path.join(mocks, 'style.ts'),
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Build outputs hold package.json files that would clash in jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/dist-[a-z]+/'],
};
