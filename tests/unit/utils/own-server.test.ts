import { describe, expect, it } from 'vitest';
import {
  connectServer,
  forgetServer,
  serverHostPattern,
  testServer,
  settingsForServer,
  type OwnServerPorts,
} from '@/utils/own-server';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings-schema';

/** A fake browser and server: granted hosts, what the server lists, and a log of every ask. */
function fakePorts(options: {
  grant?: boolean;
  models?: string[] | Error;
  reply?: string | Error;
  mastodon?: string[];
}) {
  const granted = new Set<string>();
  const log: string[] = [];
  const ports: OwnServerPorts = {
    requestOrigins: async (patterns) => {
      log.push(`request ${patterns.join()}`);
      if (options.grant === false) return false;
      for (const p of patterns) granted.add(p);
      return true;
    },
    removeOrigins: async (patterns) => {
      log.push(`remove ${patterns.join()}`);
      for (const p of patterns) granted.delete(p);
      return true;
    },
    neededElsewhere: async (pattern) => (options.mastodon ?? []).map((o) => `${o}/*`).includes(pattern),
    listModels: async (root) => {
      log.push(`list ${root}`);
      if (options.models instanceof Error) throw options.models;
      return options.models ?? [];
    },
    ask: async (root, model) => {
      log.push(`ask ${root} ${model}`);
      if (options.reply instanceof Error) throw options.reply;
      return options.reply ?? '';
    },
  };
  return { ports, granted, log };
}

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe('serverHostPattern', () => {
  it.each([
    ['http://localhost:11434/v1', 'http://localhost/*'],
    ['http://192.168.1.20:8080/v1', 'http://192.168.1.20/*'],
    ['https://models.home.example/api/v1', 'https://models.home.example/*'],
    ['http://[::1]:8000/v1', 'http://[::1]/*'],
  ])('%s asks for %s: the host on its scheme (Firefox patterns name no port)', (root, pattern) => {
    expect(serverHostPattern(root)).toBe(pattern);
  });
});

describe('connectServer', () => {
  it('asks for the host before anything else, then lists the models', async () => {
    const fake = fakePorts({ models: ['llama3.2', 'qwen2.5:0.5b'] });
    expect(await connectServer(' http://localhost:11434/v1/ ', '', fake.ports)).toEqual({
      ok: true,
      root: 'http://localhost:11434/v1',
      models: ['llama3.2', 'qwen2.5:0.5b'],
    });
    expect(fake.log).toEqual(['request http://localhost/*', 'list http://localhost:11434/v1']);
    expect([...fake.granted]).toEqual(['http://localhost/*']);
  });

  it.each(['localhost:11434', 'ftp://files.example/v1', 'http://me:secret@localhost:11434/v1', ''])(
    '“%s” is not an address Skein uses: said, and nothing asked of the browser',
    async (address) => {
      const fake = fakePorts({ models: ['m'] });
      const result = await connectServer(address, '', fake.ports);
      expect(result).toMatchObject({ ok: false, reason: 'address' });
      expect(result.ok === false && result.detail).toBeTruthy();
      expect(fake.log).toEqual([]);
    },
  );

  it('refused by the user: nothing is asked of the server', async () => {
    const fake = fakePorts({ grant: false, models: ['m'] });
    expect(await connectServer('http://localhost:11434/v1', '', fake.ports)).toEqual({
      ok: false,
      reason: 'refused',
      detail: '',
    });
    expect(fake.log).toEqual(['request http://localhost/*']);
  });

  it('a server that does not answer: the engine’s words, and the permission given back', async () => {
    const fake = fakePorts({ models: new Error('Skein could not reach http://localhost:9. Is the server running?') });
    expect(await connectServer('http://localhost:9/v1', '', fake.ports)).toEqual({
      ok: false,
      reason: 'unreachable',
      detail: 'Skein could not reach http://localhost:9. Is the server running?',
    });
    expect(fake.granted.size).toBe(0);
  });

  it('a server with no model: said, and the permission given back', async () => {
    const fake = fakePorts({ models: [] });
    expect(await connectServer('http://box.lan:8080/v1', '', fake.ports)).toMatchObject({ reason: 'noModels' });
    expect(fake.log.at(-1)).toBe('remove http://box.lan/*');
  });

  it('a failure on the saved server’s host, or a Mastodon server’s, keeps that permission', async () => {
    const saved = fakePorts({ models: new Error('down') });
    await connectServer('http://localhost:8080/v1', 'http://localhost:11434/v1', saved.ports);
    expect([...saved.granted]).toEqual(['http://localhost/*']);
    const mastodon = fakePorts({ models: new Error('down'), mastodon: ['https://knit.example'] });
    await connectServer('https://knit.example/v1', '', mastodon.ports);
    expect([...mastodon.granted]).toEqual(['https://knit.example/*']);
  });
});

describe('settingsForServer and forgetServer', () => {
  it('using a model saves the server and picks it as the engine', async () => {
    const fake = fakePorts({});
    expect(await settingsForServer('http://localhost:11434/v1', 'llama3.2', settings(), fake.ports)).toEqual({
      serverAddress: 'http://localhost:11434/v1',
      serverModel: 'llama3.2',
      engine: 'server',
    });
    expect(fake.log).toEqual([]);
  });

  it('moving to another host gives the previous host back; another port on the same host keeps it', async () => {
    const fake = fakePorts({});
    const before = settings({ serverAddress: 'http://localhost:11434/v1', serverModel: 'a', engine: 'server' });
    await settingsForServer('http://localhost:8080/v1', 'b', before, fake.ports);
    expect(fake.log).toEqual([]);
    await settingsForServer('http://box.lan:8080/v1', 'b', before, fake.ports);
    expect(fake.log).toEqual(['remove http://localhost/*']);
  });

  it('forgetting gives the permission back, and Automatic takes over if the server was the engine', async () => {
    const fake = fakePorts({});
    const inUse = settings({ serverAddress: 'http://box.lan:8080/v1', serverModel: 'm', engine: 'server' });
    expect(await forgetServer(inUse, fake.ports)).toEqual({ serverAddress: '', serverModel: '', engine: 'auto' });
    expect(fake.log).toEqual(['remove http://box.lan/*']);
    const notInUse = settings({ serverAddress: 'http://box.lan:8080/v1', serverModel: 'm', engine: 'cpu' });
    expect(await forgetServer(notInUse, fake.ports)).toEqual({ serverAddress: '', serverModel: '' });
  });
});

describe('testServer', () => {
  const clock =
    (...times: number[]) =>
    () =>
      times.shift() ?? 0;

  it('the model’s answer, trimmed, and how long it took', async () => {
    const fake = fakePorts({ reply: '  Hello there, nice to meet!\n' });
    expect(await testServer('http://localhost:11434/v1', 'llama3.2', fake.ports, clock(1000, 2234.4))).toEqual({
      ok: true,
      ms: 1234,
      reply: 'Hello there, nice to meet!',
    });
    expect(fake.log).toEqual(['ask http://localhost:11434/v1 llama3.2']);
  });

  it('an empty answer and a failure are told apart', async () => {
    expect(await testServer('http://h/v1', 'm', fakePorts({ reply: ' \n' }).ports)).toEqual({
      ok: false,
      reason: 'empty',
      detail: '',
    });
    expect(await testServer('http://h/v1', 'm', fakePorts({ reply: new Error('HTTP 500') }).ports)).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'HTTP 500',
    });
  });
});
