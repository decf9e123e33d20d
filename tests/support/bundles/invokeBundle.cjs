// Runs one deployable function folder as the platform would: `main(event, context)` of its
// index.js, in a process of its own, with the environment the test hands in (SCF's variables).
// Prints the answer as JSON.
const { join } = require('node:path');
const [dir, eventJson, contextJson] = process.argv.slice(2);
const { main } = require(join(dir, 'index.js'));
main(JSON.parse(eventJson), JSON.parse(contextJson)).then(
  (answer) => {
    process.stdout.write(JSON.stringify(answer));
    process.exit(0);
  },
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
  },
);
