// npm start: build the h5 app and the functions, then serve both on one local port over SQLite.
import { spawnSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (process.env.SKIP_BUILD !== '1') {
  console.log('构建 H5 前端…');
  run('npx', ['taro', 'build', '--type', 'h5']);
  console.log('构建云函数与本地服务…');
  run('node', ['scripts/build-functions.mjs']);
}
const server = spawn(process.execPath, ['--enable-source-maps', 'dist/server/main.js'], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
