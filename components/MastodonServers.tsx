import { useEffect, useState } from 'react';
import { t, type MessageKey } from '@/utils/i18n';
import {
  addServer,
  browserServerPorts,
  checkServer,
  mastodonServers,
  removeServer,
  type CheckResult,
} from '@/utils/mastodon-servers';

/**
 * "Add your Mastodon server": the user types the server, Skein checks that it answers as
 * Mastodon, and Add asks the browser for that one origin. Each added server can be removed,
 * which gives its permission back. Server names and titles are shown as text.
 */
export function MastodonServers() {
  const [servers, setServers] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [checked, setChecked] = useState<CheckResult | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void mastodonServers.getValue().then(setServers);
    return mastodonServers.watch((list) => setServers(list ?? []));
  }, []);

  const check = async () => {
    setBusy(true);
    setStatus('');
    const result = await checkServer(input, browserServerPorts);
    setChecked(result);
    setBusy(false);
    if (!result.ok) setStatus(t(`mastodon.error.${result.reason}` as MessageKey));
  };
  // The click itself asks the browser: nothing may come before the request.
  const add = (origin: string) => {
    void addServer(origin, browserServerPorts).then(async (result) => {
      // The list first, then the words that say what it shows: one render has both. (The
      // storage watch alone can arrive after the status.)
      setServers(await mastodonServers.getValue());
      setChecked(null);
      setInput('');
      setStatus(
        result.ok
          ? t('mastodon.added', { server: new URL(origin).host })
          : t(`mastodon.error.${result.reason}` as MessageKey),
      );
    });
  };
  const remove = (origin: string) =>
    void removeServer(origin, browserServerPorts).then(async () => {
      setServers(await mastodonServers.getValue());
      setStatus(t('mastodon.removed', { server: new URL(origin).host }));
    });

  return (
    <section className="flex flex-col gap-2" id="mastodon" data-testid="mastodon-servers">
      <h2 className="font-semibold">{t('mastodon.title')}</h2>
      <p>{t('mastodon.hint')}</p>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <input
          className="flex-1 rounded border px-2 py-1 dark:bg-slate-800"
          value={input}
          onChange={(e) => {
            setInput(e.target.value);
            setChecked(null);
          }}
          placeholder="mastodon.social"
          aria-label={t('mastodon.address')}
          data-testid="mastodon-address"
        />
        <button type="submit" className="rounded border px-2 py-1" disabled={busy || !input.trim()}>
          {t('mastodon.check')}
        </button>
      </form>
      {checked?.ok && (
        <div className="flex items-center gap-2" data-testid="mastodon-found">
          <span>
            {t('mastodon.found', {
              server: new URL(checked.origin).host,
              title: checked.info.title || checked.info.domain,
              version: checked.info.version,
            })}
          </span>
          <button
            type="button"
            className="rounded border px-2 py-1"
            onClick={() => add(checked.origin)}
            data-testid="mastodon-add"
          >
            {t('mastodon.add')}
          </button>
        </div>
      )}
      <ul className="flex flex-col gap-1" data-testid="mastodon-list">
        {servers.map((origin) => (
          <li key={origin} className="flex items-center gap-2">
            <span>{new URL(origin).host}</span>
            <button type="button" className="rounded border px-2 py-0.5" onClick={() => remove(origin)}>
              {t('mastodon.remove')}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite" data-testid="mastodon-status">
        {status}
      </p>
    </section>
  );
}
