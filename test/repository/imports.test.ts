// The rooms of server/, adapters/ and config/ import each other in one direction only (the rules:
// test/repository/import-rules.ts; the room list and its order: docs/architecture.md):
//   - no import cycle between rooms (server/<dir>, adapters/<kind>/<name>, config), reported as a path;
//   - no room imports the composition root (the files directly in server/);
//   - an adapter imports only its own files, server/contracts, the libraries in ADAPTER_LIBRARIES and packages;
//   - only the composition root imports adapters (config composes the adapters' config-schema.ts);
//   - server/contracts, server/policy and server/ber import nothing outside themselves (policy: Node and yaml).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { cycles, describeCycle, importsOf, readImports, roomGraph, roomOf, ROOT_ROOM, sourceFiles, violations } from './import-rules.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Adapter-relative specifiers, written so that test/repository/self-contained.test.ts does not read them as this file's.
const UP3 = '../'.repeat(3);

describe('imports between rooms', () => {
  const imports = readImports(ROOT);
  const graph = roomGraph(imports);

  it('reads the product code', () => {
    const files = sourceFiles(ROOT);
    assert.ok(files.length > 200, `found ${files.length} source files`);
    assert.ok(imports.length > 1000, `found ${imports.length} imports`);
    assert.ok(graph.get(ROOT_ROOM)?.has('server/http'), 'the composition root imports server/http');
  });

  it('has no cycle between rooms', () => {
    assert.deepEqual(cycles(graph).map((c) => describeCycle(graph, c)), []);
  });

  it('keeps adapters, the composition root, contracts and policy in their lanes', () => {
    assert.deepEqual(violations(imports), []);
  });

  describe('the checks', () => {
    const imp = (from: string, specifier: string) => importsOf(from, `import { x } from '${specifier}';`);

    it('finds import, export-from, import type, dynamic import() and require()', () => {
      const text = [
        `import a from './a.ts';`,
        `import type { B } from '../b/b.ts';`,
        `export { c } from './c.ts';`,
        `export * from 'zod';`,
        `const d = await import('../d/d.ts');`,
        `const e = require('node:fs');`,
      ].join('\n');
      assert.deepEqual(
        importsOf('server/x/y.ts', text).map((i) => i.target ?? i.specifier),
        ['server/x/a.ts', 'server/b/b.ts', 'server/x/c.ts', 'zod', 'server/d/d.ts', 'node:fs'],
      );
    });

    it('names rooms: a server folder, the composition root, an adapter, config', () => {
      assert.equal(roomOf('server/iam/actions/users.ts'), 'server/iam');
      assert.equal(roomOf('server/main.ts'), ROOT_ROOM);
      assert.equal(roomOf('adapters/directory/simple-ad/search.ts'), 'adapters/directory/simple-ad');
      assert.equal(roomOf('config/schema/iam.ts'), 'config');
    });

    it('reports a cycle as the path of imports around it', () => {
      const g = roomGraph([...imp('server/iam/caller.ts', '../sts/session-token.ts'), ...imp('server/sts/x.ts', '../iam/model.ts')]);
      assert.deepEqual(
        cycles(g).map((c) => describeCycle(g, c)),
        ['server/iam -> server/sts (server/iam/caller.ts imports ../sts/session-token.ts); server/sts -> server/iam (server/sts/x.ts imports ../iam/model.ts)'],
      );
      const three = roomGraph([...imp('server/a/x.ts', '../b/x.ts'), ...imp('server/b/x.ts', '../c/x.ts'), ...imp('server/c/x.ts', '../a/x.ts')]);
      assert.deepEqual(cycles(three), [['server/a', 'server/b', 'server/c', 'server/a']]);
      assert.deepEqual(cycles(roomGraph([...imp('server/a/x.ts', '../b/x.ts'), ...imp('server/b/x.ts', '../c/x.ts')])), []);
    });

    it('flags an adapter that imports config, the LDAP front end or another adapter, and allows contracts and the libraries', () => {
      const bad = [
        ...imp('adapters/directory/simple-ad/index.ts', `${UP3}config/schema.ts`),
        ...imp('adapters/directory/ad-connector/bind.ts', `${UP3}server/ldap/ber.ts`),
        ...imp('adapters/directory/managed-ad/index.ts', '../simple-ad/index.ts'),
      ];
      assert.equal(violations(bad).length, 3);
      const good = [
        ...imp('adapters/directory/simple-ad/index.ts', `${UP3}server/contracts/directory.ts`),
        ...imp('adapters/directory/ad-connector/bind.ts', `${UP3}server/ber/ber.ts`),
        ...imp('adapters/store/sqlite/index.ts', '../sql/store.ts'),
        ...imp('adapters/store/sqlite/index.ts', 'better-sqlite3'),
      ];
      assert.deepEqual(violations(good), []);
    });

    it('flags imports of the composition root and of adapters from rooms, and policy or contracts reaching out', () => {
      assert.equal(violations(imp('server/http/login-routes/deps.ts', '../../registry.ts')).length, 1);
      assert.equal(violations(imp('server/http/app.ts', '../../adapters/store/sqlite/index.ts')).length, 1);
      assert.deepEqual(violations(imp('config/schema/directories.ts', '../../adapters/directory/simple-ad/config-schema.ts')), []);
      assert.deepEqual(violations(imp('server/main.ts', '../adapters/store/sqlite/index.ts')), []);
      assert.equal(violations(imp('server/policy/evaluate.ts', '../contracts/errors.ts')).length, 1);
      assert.equal(violations(imp('server/policy/evaluate.ts', 'zod')).length, 1);
      assert.deepEqual(violations([...imp('server/policy/ip.ts', 'node:net'), ...imp('server/policy/policy-file.ts', 'yaml')]), []);
      assert.equal(violations(imp('server/contracts/store.ts', '../keys/keyring.ts')).length, 1);
    });
  });
});
