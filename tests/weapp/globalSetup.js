// The weapp tests load dist/weapp; build it once when it is missing (set WEAPP_REBUILD=1 to force).
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const path = require('node:path');

module.exports = async () => {
  const root = path.join(__dirname, '..', '..');
  if (existsSync(path.join(root, process.env.LINLI_DIST ?? 'dist', 'weapp/app.json')) && process.env.WEAPP_REBUILD !== '1') return;
  console.log('\n[weapp] building dist/weapp (npx taro build --type weapp)…');
  const result = spawnSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('taro build --type weapp failed; see the output above');
};
