// Store-level suites run over real round trips on the CloudBase path (5–30 ms each in the
// concurrency suites): a rush of hundreds of requests takes seconds, not the default 5.
jest.setTimeout(120_000);
