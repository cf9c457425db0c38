import { useWebGpuPresent } from '@/components/useWebGpuPresent';
import { ModelsOnDevice } from '@/components/ModelsOnDevice';
import { Choice } from '@/components/Choice';
import { useSettings } from '@/components/useSettings';
import { DataSection } from '@/components/DataSection';
import { VoiceNotes } from '@/components/VoiceNotes';
import { MastodonServers } from '@/components/MastodonServers';
import { OwnServer } from '@/components/OwnServer';
import { BuiltinStatus } from '@/components/BuiltinModel';
import { CPU_MODELS } from '@/utils/llm/models';
import { WEBGPU_FAMILIES } from '@/utils/llm/webgpu-models';
import { formatSize, formatSizeRange, t, type MessageKey } from '@/utils/i18n';
import { TONES, type Tone } from '@/utils/llm/drafts';
import { useDownloaded } from '@/components/useDownloaded';
import { ModelDownload } from '@/components/ModelDownload';
import type { Settings } from '@/utils/settings-schema';

/** The languages Skein writes and speaks, or the browser's. */
const languages = () => [
  { value: 'auto', label: t('options.lang.auto') },
  { value: 'en', label: 'English' },
  { value: 'fr', label: 'Français' },
];

/** The options page: engine, models, languages, privacy, data. Wiring and layout only. */
export default function App() {
  const [settings, update] = useSettings();
  const [downloaded, refreshDownloaded] = useDownloaded();
  const family = WEBGPU_FAMILIES.find((f) => f.id === settings?.webgpuModelId);
  const cpu = CPU_MODELS.find((m) => m.id === settings?.cpuModelId);
  const gpu = useWebGpuPresent();
  if (!settings) return null;
  const onDevice = (id: string) =>
    downloaded == null ? '' : ` · ${t(downloaded.has(id) ? 'options.onDevice' : 'options.notOnDevice')}`;
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 p-6 text-sm">
      <h1 className="text-xl font-bold">{t('options.title')}</h1>
      <Choice
        legend={t('options.engine')}
        name="engine"
        value={settings.engine}
        options={[
          { value: 'auto', label: t('options.engine.auto') },
          { value: 'webgpu', label: t('options.engine.webgpu') },
          { value: 'cpu', label: t('options.engine.cpu') },
          // Chrome's own model: there is none in Firefox, so the choice is not offered there.
          ...(import.meta.env.FIREFOX ? [] : [{ value: 'builtin', label: t('options.engine.builtin') }]),
          // Offered once a server and a model are set up, below.
          ...(settings.serverAddress && settings.serverModel
            ? [
                {
                  value: 'server',
                  label: t('options.engine.server', {
                    model: settings.serverModel,
                    host: new URL(settings.serverAddress).host,
                  }),
                },
              ]
            : []),
        ]}
        onChange={(engine) => void update({ engine: engine as Settings['engine'] })}
      />
      {!import.meta.env.FIREFOX && <BuiltinStatus />}
      <Choice
        legend={t('options.cpuModel')}
        name="cpuModelId"
        value={settings.cpuModelId}
        options={CPU_MODELS.map((m) => ({
          value: m.id,
          label: `${m.label} · ${t('options.download', { size: formatSize(m.sizeBytes) })}${onDevice(m.id)}`,
        }))}
        onChange={(cpuModelId) => void update({ cpuModelId })}
      />
      {cpu && (
        <ModelDownload
          engine="cpu"
          modelId={cpu.id}
          label={cpu.label}
          sizeBytes={cpu.sizeBytes}
          onDevice={downloaded ? downloaded.has(cpu.id) : null}
          onDownloaded={refreshDownloaded}
        />
      )}
      {gpu === false && (
        <p
          role="status"
          className="rounded-md bg-amber-100 p-2 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100"
          data-testid="options-gpu-none"
        >
          {t('options.gpuNone')}
        </p>
      )}
      {gpu && (
        <Choice
          legend={t('options.webgpuModel')}
          name="webgpuModelId"
          value={settings.webgpuModelId}
          options={WEBGPU_FAMILIES.map((f) => ({
            value: f.id,
            label:
              `${f.label} · ` +
              t('options.memory', { size: formatSizeRange(f.f16.vramMB * 1_048_576, f.f32.vramMB * 1_048_576) }) +
              (onDevice(f.f16.id) || onDevice(f.f32.id)),
          }))}
          onChange={(webgpuModelId) => void update({ webgpuModelId })}
        />
      )}
      {gpu && family && (
        <ModelDownload
          engine="webgpu"
          modelId={family.id}
          label={family.label}
          sizeBytes={null}
          onDevice={downloaded && (downloaded.has(family.f16.id) || downloaded.has(family.f32.id))}
          onDownloaded={refreshDownloaded}
        />
      )}
      <Choice
        legend={t('options.outputLanguage')}
        name="outputLanguage"
        value={settings.outputLanguage}
        options={languages()}
        onChange={(outputLanguage) => void update({ outputLanguage })}
      />
      <Choice
        legend={t('options.uiLanguage')}
        name="uiLanguage"
        value={settings.uiLanguage}
        options={languages()}
        onChange={(uiLanguage) => void update({ uiLanguage: uiLanguage as 'auto' | 'en' | 'fr' })}
      />
      <Choice
        legend={t('options.tone')}
        name="defaultTone"
        value={settings.defaultTone}
        options={TONES.map((tone) => ({ value: tone, label: t(`tone.${tone}` as MessageKey) }))}
        onChange={(defaultTone) => void update({ defaultTone: defaultTone as Tone })}
      />
      <OwnServer settings={settings} update={update} />
      <MastodonServers />
      <VoiceNotes />
      <section>
        <h2 className="mb-1 font-semibold">{t('options.shortcuts')}</h2>
        <p data-testid="shortcuts">{t('options.shortcutsHint')}</p>
      </section>
      <section>
        <h2 className="mb-1 font-semibold">{t('options.privacy')}</h2>
        <p data-testid="privacy">{t('options.privacyText')}</p>
      </section>
      <section className="flex flex-col gap-2">
        <h2 className="font-semibold">{t('options.data')}</h2>
        <ModelsOnDevice />
        <DataSection />
      </section>
    </main>
  );
}
