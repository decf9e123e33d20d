/**
 * @jest-environment node
 *
 * WeChat runs the mini-program as built when project.config.json has `es6`/`enhance` off, so old
 * clients (iOS < 13.4 has no `?.` / `??`) must get ES2017 or older. Every script of the weapp build
 * is parsed here with acorn at ecmaVersion 2017; newer syntax anywhere fails, naming file and place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import { weappFiles } from './packageSize';
import { WEAPP_ROOT } from './miniProgram';

interface SyntaxProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  excerpt: string;
}

/** Parses one built script as WeChat's old engines would read it (CommonJS, no modules). */
const problemOf = (file: string): SyntaxProblem | null => {
  const source = readFileSync(path.join(WEAPP_ROOT, file), 'utf8');
  try {
    parse(source, { ecmaVersion: 2017, sourceType: 'script', allowHashBang: false });
    return null;
  } catch (error) {
    const { loc, pos, message } = error as { loc?: { line: number; column: number }; pos?: number; message: string };
    const at = pos ?? 0;
    return { file, line: loc?.line ?? 0, column: loc?.column ?? 0, message, excerpt: source.slice(Math.max(0, at - 40), at + 40) };
  }
};

describe('weapp build syntax', () => {
  const scripts = weappFiles().filter((file) => file.endsWith('.js'));

  it('has scripts to check (the build is there)', () => {
    expect(scripts).toContain('app.js');
    expect(scripts).toContain('vendors.js');
  });

  it('is ES2017 or older in every .js file', () => {
    const problems = scripts.map(problemOf).filter((p): p is SyntaxProblem => p !== null);
    const report = problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} … ${JSON.stringify(p.excerpt)}`);
    expect(report).toEqual([]);
  });
});
