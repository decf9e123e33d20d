/** One jest run, several projects: each kind of test gets the environment it needs. */
const tsJest = [
  'ts-jest',
  {
    // Type errors are caught once by `tsc --noEmit`; jest only transpiles.
    tsconfig: { isolatedModules: true, module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', esModuleInterop: true, target: 'ES2020' },
  },
];

const base = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // Build outputs hold package.json files that would clash in jest's module map.
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/dist-[a-z]+/'],
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{unit,store,adapters,integration}/**/*.test.ts'],
    },
    '<rootDir>/tests/component/jest.config.js',
    '<rootDir>/tests/weapp/jest.config.js',
  ],
};
