import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const isH5 = process.env.TARO_ENV === 'h5';

/** NutUI is drawn on a 375 px design; our own styles use the 750 px WeChat convention. */
const designWidth = (input?: unknown): number => {
  const file = (input as { file?: string } | undefined)?.file ?? '';
  return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
};

const NUTUI_PACKAGES = ['@nutui/nutui-react-taro', '@nutui/icons-react-taro'];

/**
 * Dependencies that ship syntax newer than ES2017 (zod 4 is ES2020: `?.`, `??`, object spread).
 * WeChat runs the build as it is (project.config.json has es6/enhance off) and Taro transpiles
 * only src/ unless told, so these go through babel too. tests/weapp/syntax.test.ts checks the result.
 */
const MODERN_DEPENDENCIES = /[\\/]node_modules[\\/](zod|@nutui[\\/][^\\/]+)[\\/]/;
const transpiledDependency = (file: string) => MODERN_DEPENDENCIES.test(file);

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli-fuwu',
    date: '2026-1-1',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // LINLI_DIST lets parallel builds (e.g. two engineers, or CI and a dev server) keep apart.
    outputRoot: `${process.env.LINLI_DIST ?? 'dist'}/${isH5 ? 'h5' : 'weapp'}`,
    // Without plugin-html NutUI's icons fail in weapp ("Template tmpl_0_i not found").
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {},
    alias: { '@': path.join(root, 'src') },
    // The tab bar's icons also serve 长辈模式's own tab bar (ElderTabBar), by path, in both builds.
    copy: { patterns: [{ from: 'src/assets/tabbar/', to: `${process.env.LINLI_DIST ?? 'dist'}/${isH5 ? 'h5' : 'weapp'}/assets/tabbar/` }], options: {} },
    framework: 'react',
    // Prebundling NutUI breaks watch builds; the rest of node_modules prebundles fine.
    compiler: { type: 'webpack5', prebundle: { exclude: NUTUI_PACKAGES } },
    cache: { enable: false },
    mini: {
      // NutUI stylesheets arrive per component in varying order; they do not override each other.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // The contracts in types/ live outside src and must go through the same loaders.
      compile: { include: [path.join(root, 'types'), transpiledDependency] },
      webpackChain(chain) {
        // LINLI_ANALYZE=1 keeps module names (and modules apart) so tests/weapp/moduleCosts.ts can
        // say what each dependency costs in each chunk. Never set for a real build.
        if (process.env.LINLI_ANALYZE === '1') {
          chain.optimization.set('moduleIds', 'named');
          chain.optimization.concatenateModules(false);
        }
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [path.join(root, 'types')] },
      esnextModules: NUTUI_PACKAGES,
      webpackChain(chain) {
        // Pages load on demand; with Taro's default (`initial`) every page chunk carried its own copy
        // of NutUI, zod and the h5 components, about 120 KB each.
        const splitChunks = chain.optimization.get('splitChunks') as Record<string, unknown> | undefined;
        chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[hash].css', chunkFilename: 'css/[name].[chunkhash].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // NutUI sizes itself in px for h5; converting them again would shrink it.
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
