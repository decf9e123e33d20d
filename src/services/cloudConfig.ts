/**
 * The CloudBase environment id the mini-program calls (e.g. "linli-prod-8g3x"). Left empty, WeChat
 * uses the environment selected in the developer tool, which is what a fresh checkout wants; set it
 * before a release so a build can never call the wrong environment.
 */
export const CLOUD_ENV = '';
