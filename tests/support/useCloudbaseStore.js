// The `cloudbase` jest project: every store-level test file runs on the CloudBase adapter over the
// real SDK and the emulator (tests/support/testStores.ts reads this).
process.env.LINLI_TEST_STORE = 'cloudbase';
// The SDK's keep-alive sockets carry hundreds of requests each in a rush; their listeners are
// reused, not leaked.
require('node:events').EventEmitter.defaultMaxListeners = 100;
// The SDK warns of any request slower than 3 s; a rush of a thousand through one emulator is.
process.env.SILENCE = 'true';
