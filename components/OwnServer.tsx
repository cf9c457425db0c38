import { useState } from 'react';
import { t } from '@/utils/i18n';
import {
  browserOwnServerPorts,
  connectServer,
  forgetServer,
  testServer,
  settingsForServer,
  type ConnectResult,
} from '@/utils/own-server';
import type { Settings } from '@/utils/settings-schema';
import { Choice } from './Choice';

const host = (root: string) => new URL(root).host;

/**
 * "Your own server": the address, Connect (the click asks the browser for that one host, then
 * lists the server's models), the model to use, Test, Forget. What the server says (model
 * names, its test answer, its errors) is shown as text.
 */
export function OwnServer({
  settings,
  update,
}: {
  settings: Settings;
  update(patch: Partial<Settings>): Promise<void>;
}) {
  const [input, setInput] = useState(settings.serverAddress);
  const [found, setFound] = useState<Extract<ConnectResult, { ok: true }> | null>(null);
  const [status, setStatus] = useState('');
  const [detail, setDetail] = useState('');
  const [busy, setBusy] = useState(false);
  const say = (text: string, why = '') => {
    setStatus(text);
    setDetail(why);
  };

  // The click itself asks the browser: connectServer's first step is the request.
  const connect = () => {
    setBusy(true);
    say('');
    void connectServer(input, settings.serverAddress, browserOwnServerPorts).then((result) => {
      setBusy(false);
      setFound(result.ok ? result : null);
      if (result.ok) say(t('server.connected', { host: host(result.root) }));
      else say(t(`server.error.${result.reason}`), result.reason === 'unreachable' ? result.detail : '');
    });
  };
  const choose = async (model: string) => {
    if (!found) return;
    await update(await settingsForServer(found.root, model, settings, browserOwnServerPorts));
    setInput(found.root);
    say(t('server.using', { model, host: host(found.root) }));
  };
  const test = async () => {
    const { serverAddress: root, serverModel: model } = settings;
    setBusy(true);
    say(t('server.testing', { model }));
    const result = await testServer(root, model, browserOwnServerPorts);
    setBusy(false);
    if (result.ok) say(t('server.tested', { model, seconds: (result.ms / 1000).toFixed(1), reply: result.reply }));
    else say(t(`server.error.${result.reason}`), result.detail);
  };
  const forget = async () => {
    const gone = host(settings.serverAddress);
    await update(await forgetServer(settings, browserOwnServerPorts));
    setFound(null);
    setInput('');
    say(t('server.forgotten', { host: gone }));
  };

  const models = found?.models ?? [];
  return (
    <section className="flex flex-col gap-2" id="server" data-testid="own-server">
      <h2 className="font-semibold">{t('server.title')}</h2>
      <p>{t('server.hint')}</p>
      <p className="rounded-md bg-slate-100 p-2 dark:bg-slate-800" data-testid="server-egress">
        {t('server.egress')}
      </p>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          connect();
        }}
      >
        <input
          className="flex-1 rounded border px-2 py-1 dark:bg-slate-800"
          value={input}
          onChange={(e) => {
            setInput(e.target.value);
            setFound(null);
          }}
          placeholder="http://localhost:11434/v1"
          aria-label={t('server.address')}
          data-testid="server-address"
        />
        <button type="submit" className="rounded border px-2 py-1" disabled={busy || !input.trim()}>
          {t('server.connect')}
        </button>
      </form>
      {found && (
        <Choice
          legend={t('server.models', { host: host(found.root) })}
          name="serverModel"
          value={found.root === settings.serverAddress ? settings.serverModel : ''}
          options={models.map((m) => ({ value: m, label: m }))}
          onChange={(model) => void choose(model)}
        />
      )}
      {settings.serverAddress && settings.serverModel && (
        <div className="flex items-center gap-2" data-testid="server-saved">
          <span>{t('server.using', { model: settings.serverModel, host: host(settings.serverAddress) })}</span>
          <button type="button" className="rounded border px-2 py-1" disabled={busy} onClick={() => void test()}>
            {t('server.test')}
          </button>
          <button type="button" className="rounded border px-2 py-1" onClick={() => void forget()}>
            {t('server.forget')}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite" data-testid="server-status">
        {status}
      </p>
      {detail && (
        <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="server-detail">
          {detail}
        </p>
      )}
    </section>
  );
}
