// The compose demo read by the real tools (no Docker engine needed): Debian's docker-compose (or the docker
// client's compose plugin) parses docker-compose.yml and must see the services the file declares, and
// `haproxy -c` accepts the load balancer's config. `.ci/run` installs both; a missing tool is a failure here.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { ROOT } from '../../helpers/process.ts';

const runs = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;

it('docker-compose config parses docker-compose.yml and sees every service the file declares', () => {
  const tool = runs('docker', ['compose', 'version']) ? ['docker', 'compose'] : ['docker-compose'];
  assert.ok(tool[0] === 'docker' || runs('docker-compose', ['version']), 'docker-compose is not installed (apt-get install docker-compose; .ci/run does)');
  const r = spawnSync(tool[0], [...tool.slice(1), '-f', 'docker-compose.yml', 'config'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const declared = YAML.parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, unknown> };
  const resolved = YAML.parse(r.stdout) as { services: Record<string, unknown> };
  assert.deepEqual(Object.keys(resolved.services).sort(), Object.keys(declared.services).sort());
});

it('haproxy -c accepts deploy/haproxy.cfg, and refuses a broken copy', () => {
  assert.ok(runs('haproxy', ['-v']), 'haproxy is not installed (apt-get install haproxy; .ci/run does)');
  const r = spawnSync('haproxy', ['-c', '-f', join(ROOT, 'deploy/haproxy.cfg')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const broken = spawnSync('haproxy', ['-c', '-f', '/dev/stdin'], { input: readFileSync(join(ROOT, 'deploy/haproxy.cfg'), 'utf8').replace(/\bmode tcp\b/, 'mode tcpx'), encoding: 'utf8' });
  assert.notEqual(broken.status, 0, 'the check can fail');
});
