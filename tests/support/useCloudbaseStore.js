// The `cloudbase` jest project: every store-level test file runs on the CloudBase adapter over the
// real SDK and the emulator (tests/support/testStores.ts reads this).
process.env.LINLI_TEST_STORE = 'cloudbase';
