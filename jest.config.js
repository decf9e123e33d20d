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

/** Suites that talk to a store through tests/support/testStores.ts run once per store. */
const storeLevel = ['<rootDir>/tests/integration/**/*.test.ts'];
/** Integration suites with nothing store-specific to prove twice. */
const storeIndependent = [
  '<rootDir>/tests/integration/bundles.test.ts',
  '<rootDir>/tests/integration/gateway.test.ts',
  // The local server runs on SQLite: the process-level crash test is about that file.
  '<rootDir>/tests/integration/killServer.test.ts',
  // SQLite's query plans.
  '<rootDir>/tests/integration/queryPlans.test.ts',
  // The demo's year of history is what local mode (SQLite) starts with.
  '<rootDir>/tests/integration/demoHistory.test.ts',
];

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/{unit,store,adapters}/**/*.test.ts'],
    },
    { ...base, displayName: 'sqlite', testEnvironment: 'node', testMatch: storeLevel, setupFilesAfterEnv: ['<rootDir>/tests/support/storeLevelTimeout.js'] },
    {
      ...base,
      displayName: 'cloudbase',
      testEnvironment: 'node',
      testMatch: storeLevel,
      testPathIgnorePatterns: [...base.testPathIgnorePatterns, ...storeIndependent.map((p) => p.replace('<rootDir>', ''))],
      setupFiles: ['<rootDir>/tests/support/useCloudbaseStore.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/storeLevelTimeout.js'],
    },
    '<rootDir>/tests/component/jest.config.js',
    '<rootDir>/tests/weapp/jest.config.js',
  ],
};
