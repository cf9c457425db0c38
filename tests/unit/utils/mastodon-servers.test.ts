import { describe, expect, it } from 'vitest';
import {
  addServer,
  checkServer,
  removeServer,
  scriptId,
  syncServers,
  type ServerPorts,
} from '@/utils/mastodon-servers';

/** A fake browser: granted origins, registered scripts, what servers answer, and a log of asks. */
function fakePorts(options: { grant?: boolean; answers?: Record<string, unknown>; list?: string[] } = {}) {
  const granted = new Set<string>();
  const scripts = new Map<string, string>();
  let list = [...(options.list ?? [])];
  const log: string[] = [];
  const ports: ServerPorts = {
    requestOrigins: async (patterns) => {
      log.push(`request ${patterns.join()}`);
      if (options.grant === false) return false;
      for (const p of patterns) granted.add(p);
      return true;
    },
    hasOrigins: async (patterns) => patterns.every((p) => granted.has(p)),
    removeOrigins: async (patterns) => {
      log.push(`remove ${patterns.join()}`);
      for (const p of patterns) granted.delete(p);
      return true;
    },
    register: async (id, pattern) => {
      if (scripts.has(id)) throw new Error('duplicate id');
      scripts.set(id, pattern);
    },
    unregister: async (ids) => {
      for (const id of ids) scripts.delete(id);
    },
    registeredIds: async () => [...scripts.keys()],
    fetchJson: async (url) => {
      log.push(`fetch ${url}`);
      if (!(url in (options.answers ?? {}))) throw new Error('unreachable');
      return options.answers![url];
    },
    list: {
      getValue: async () => list,
      setValue: async (value) => {
        list = value;
      },
    },
  };
  return { ports, granted, scripts, log, list: () => list };
}

const INSTANCE = 'https://knit.example/api/v2/instance';
const MASTODON = { [INSTANCE]: { domain: 'knit.example', version: '4.3.2', title: 'Knitters' } };

describe('checkServer', () => {
  it('a Mastodon server: its origin and description, and nothing asked of the browser', async () => {
    const fake = fakePorts({ answers: MASTODON });
    expect(await checkServer('https://knit.example/@someone', fake.ports)).toEqual({
      ok: true,
      origin: 'https://knit.example',
      info: { domain: 'knit.example', version: '4.3.2', title: 'Knitters' },
    });
    expect(fake.log).toEqual([`fetch ${INSTANCE}`]);
  });

  it.each([
    ['not an address', {}, 'address'],
    ['knit.example', {}, 'unreachable'],
    ['knit.example', { [INSTANCE]: { title: 'A blog' } }, 'notMastodon'],
  ])('%s (%j) → %s, nothing registered', async (input, answers, reason) => {
    const fake = fakePorts({ answers });
    expect(await checkServer(input, fake.ports)).toEqual({ ok: false, reason });
    expect(fake.scripts.size).toBe(0);
    expect(fake.log.filter((l) => l.startsWith('request'))).toEqual([]);
  });

  it('a server added already', async () => {
    const fake = fakePorts({ answers: MASTODON, list: ['https://knit.example'] });
    expect(await checkServer('knit.example', fake.ports)).toEqual({ ok: false, reason: 'added' });
  });
});

describe('addServer and removeServer', () => {
  it('asks for that one origin first, then registers the script there and lists the server', async () => {
    const fake = fakePorts();
    expect(await addServer('https://knit.example', fake.ports)).toEqual({ ok: true });
    expect(fake.log[0]).toBe('request https://knit.example/*');
    expect([...fake.scripts]).toEqual([[scriptId('https://knit.example'), 'https://knit.example/*']]);
    expect(fake.list()).toEqual(['https://knit.example']);
  });

  it('refused: nothing registered, nothing listed', async () => {
    const fake = fakePorts({ grant: false });
    expect(await addServer('https://knit.example', fake.ports)).toEqual({ ok: false, reason: 'refused' });
    expect(fake.scripts.size).toBe(0);
    expect(fake.list()).toEqual([]);
  });

  it('a registration that fails gives the permission back', async () => {
    const fake = fakePorts();
    fake.ports.register = async () => {
      throw new Error('no');
    };
    expect(await addServer('https://knit.example', fake.ports)).toEqual({ ok: false, reason: 'failed' });
    expect(fake.granted.size).toBe(0);
    expect(fake.list()).toEqual([]);
  });

  it('removing unregisters the script, gives the permission back and forgets the server', async () => {
    const fake = fakePorts();
    await addServer('https://knit.example', fake.ports);
    await addServer('https://yarn.example', fake.ports);
    await removeServer('https://knit.example', fake.ports);
    expect([...fake.scripts.keys()]).toEqual([scriptId('https://yarn.example')]);
    expect([...fake.granted]).toEqual(['https://yarn.example/*']);
    expect(fake.list()).toEqual(['https://yarn.example']);
  });
});

describe('syncServers at start-up', () => {
  it('registers listed servers, forgets those whose permission was taken back, drops stale scripts', async () => {
    const fake = fakePorts({ list: ['https://knit.example', 'https://gone.example'] });
    fake.granted.add('https://knit.example/*');
    fake.scripts.set(scriptId('https://old.example'), 'https://old.example/*');
    fake.scripts.set('someone-else', 'https://x.example/*');
    expect(await syncServers(fake.ports)).toEqual(['https://knit.example']);
    expect(fake.list()).toEqual(['https://knit.example']);
    expect([...fake.scripts.keys()].sort()).toEqual([scriptId('https://knit.example'), 'someone-else'].sort());
  });

  it('keeps a server the user added while it was checking', async () => {
    const fake = fakePorts({ list: ['https://gone.example'] });
    // The user adds a server on the options page while start-up checks the list.
    fake.ports.registeredIds = async () => {
      await fake.ports.list.setValue([...(await fake.ports.list.getValue()), 'https://new.example']);
      return [...fake.scripts.keys()];
    };
    await syncServers(fake.ports);
    expect(fake.list()).toEqual(['https://new.example']);
  });
});
