/**
 * Interface strings in English and French. The language follows the browser unless the user
 * picks one; every surface (page buttons, panel, popup, options) reads from here.
 */

const en = {
  'button.label': 'Skein: ask about this post',
  'menu.summarize': 'Summarize thread',
  'menu.explain': 'Explain',
  'menu.draft': 'Draft reply',
  'notice.openSidebar': 'Skein read {count} post(s). Open the Skein sidebar to see them (toolbar button or Alt+Shift+K).',
  'notice.sent': 'Sent to Skein.',
  'notice.unreadable': 'Skein could not read this page: {reason}',
  'notice.disconnected': 'Skein was updated or restarted. Reload the page to use it again.',
  'notice.close': 'Close',
  'notice.openInTab': 'Open in a tab',
  'panel.title': 'Skein',
  'panel.empty': 'Click Skein’s button on a post to start.',
  'panel.action.summarize': 'Summarize thread',
  'panel.action.explain': 'Explain',
  'panel.action.draft': 'Draft reply',
  'panel.posts': '{count} post(s) read from {site}',
  'panel.quote': 'Quoting',
  'panel.repostedBy': 'Reposted by {name}',
  'panel.promoted': 'Ad',
  'panel.truncated': 'Only part of this post is shown on the page.',
  'panel.unavailable': 'Unavailable post',
  'panel.focused': 'Opened post',
  'panel.media.photo': 'Photo',
  'panel.media.video': 'Video',
  'panel.media.gif': 'GIF',
  'panel.media.card': 'Link',
  'panel.postsRead': 'Posts read from the page',
  'job.queued': 'Waiting: {position} ahead',
  'job.loading': 'Loading the model…',
  'job.running': 'Writing…',
  'job.done': 'Done',
  'job.error': 'Stopped by an error',
  'job.cancelled': 'Cancelled',
  'job.interrupted': 'Interrupted',
  'job.cached': 'saved earlier',
  'job.model': '{model} · {engine}',
  'job.download': 'Model download',
  'job.bytes': '{mb} MB downloaded',
  'job.bytesOf': '{mb} of {total} MB ({pct}%)',
  'job.stage': 'Long thread: reading part {done} of {total}',
  'job.points': 'Key points',
  'job.voices': 'Who says what',
  'job.citation': 'Show post {n} on the page',
  'job.cancel': 'Cancel',
  'job.retry': 'Try again',
  'job.regenerate': 'Regenerate',
  'job.next.cpu': 'The CPU engine works without a GPU: use it instead.',
  'job.useCpu': 'Use the CPU engine',
  'job.next.quota': 'Free some space (delete a downloaded model or clear history), then try again.',
  'job.next.download': 'Check the connection and try again; the download resumes from a clean start.',
  'job.next.retry': 'Try again; if it keeps failing, pick another model in the options.',
  'engine.cpu': 'CPU',
  'engine.webgpu': 'WebGPU',
  'engine.scripted': 'scripted',
  'models.title': 'Models on this device',
  'models.none': 'No model downloaded yet.',
  'models.delete': 'Delete {model}',
  'models.deleteShort': 'Delete',
  'options.title': 'Skein options',
  'options.engine': 'Engine',
  'options.engine.auto': 'Automatic: the GPU (WebGPU) where the browser has it, else the CPU',
  'options.engine.webgpu': 'GPU (WebGPU, web-llm)',
  'options.engine.cpu': 'CPU (works everywhere, slower)',
  'options.cpuModel': 'CPU model',
  'options.webgpuModel': 'GPU model',
  'options.download': '{size} download',
  'options.memory': 'needs {size} of GPU memory',
  'options.outputLanguage': 'Language of summaries and drafts',
  'options.uiLanguage': 'Interface language',
  'options.lang.auto': 'The browser’s language',
  'options.privacy': 'Privacy',
  'options.privacyText': 'Skein runs its model on this device. Posts, summaries and drafts never leave it; the only download is the model itself. No analytics, no account.',
  'options.data': 'Data',
  'options.export': 'Export history (JSON)',
  'options.exportEmpty': 'Nothing to export yet: the history is empty.',
  'options.exported': 'Exported {count} result(s).',
  'options.clear': 'Clear history',
  'options.cleared': 'Cleared {count} result(s).',
  'options.engine.short.auto': 'Automatic',
  'options.engine.short.webgpu': 'GPU',
  'options.engine.short.cpu': 'CPU',
  'popup.summarize': 'Summarize this thread',
  'popup.unsupported': 'Skein works on X (x.com). Open a post there to summarize it.',
  'popup.panel': 'Open the panel',
  'popup.options': 'Options',
  'popup.reload': 'Skein is not running on this page yet: reload it.',
  'tabs.current': 'This thread',
  'card.explain': 'Skein explains',
  'tabs.history': 'History',
  'history.search': 'Search past results',
  'history.empty': 'Nothing here yet: summaries and explanations are kept as you make them.',
  'history.noMatch': 'No past result matches.',
  'history.delete': 'Delete “{title}”',
} as const;

/** A key of the interface strings. */
export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  'button.label': 'Skein : demander à propos de ce post',
  'menu.summarize': 'Résumer le fil',
  'menu.explain': 'Expliquer',
  'menu.draft': 'Rédiger une réponse',
  'notice.openSidebar': 'Skein a lu {count} post(s). Ouvrez le panneau latéral Skein pour les voir (bouton de la barre d’outils ou Alt+Maj+K).',
  'notice.sent': 'Envoyé à Skein.',
  'notice.unreadable': 'Skein n’a pas pu lire cette page : {reason}',
  'notice.disconnected': 'Skein a été mis à jour ou redémarré. Rechargez la page pour l’utiliser.',
  'notice.close': 'Fermer',
  'notice.openInTab': 'Ouvrir dans un onglet',
  'panel.title': 'Skein',
  'panel.empty': 'Cliquez sur le bouton Skein d’un post pour commencer.',
  'panel.action.summarize': 'Résumer le fil',
  'panel.action.explain': 'Expliquer',
  'panel.action.draft': 'Rédiger une réponse',
  'panel.posts': '{count} post(s) lu(s) sur {site}',
  'panel.quote': 'Cite',
  'panel.repostedBy': 'Reposté par {name}',
  'panel.promoted': 'Pub',
  'panel.truncated': 'La page n’affiche qu’une partie de ce post.',
  'panel.unavailable': 'Post indisponible',
  'panel.focused': 'Post ouvert',
  'panel.media.photo': 'Photo',
  'panel.media.video': 'Vidéo',
  'panel.media.gif': 'GIF',
  'panel.media.card': 'Lien',
  'panel.postsRead': 'Posts lus sur la page',
  'job.queued': 'En attente : {position} avant',
  'job.loading': 'Chargement du modèle…',
  'job.running': 'Rédaction…',
  'job.done': 'Terminé',
  'job.error': 'Arrêté par une erreur',
  'job.cancelled': 'Annulé',
  'job.interrupted': 'Interrompu',
  'job.cached': 'enregistré plus tôt',
  'job.model': '{model} · {engine}',
  'job.download': 'Téléchargement du modèle',
  'job.bytes': '{mb} Mo téléchargés',
  'job.bytesOf': '{mb} sur {total} Mo ({pct} %)',
  'job.stage': 'Long fil : lecture de la partie {done} sur {total}',
  'job.points': 'Points clés',
  'job.voices': 'Qui dit quoi',
  'job.citation': 'Montrer le post {n} sur la page',
  'job.cancel': 'Annuler',
  'job.retry': 'Réessayer',
  'job.regenerate': 'Régénérer',
  'job.next.cpu': 'Le moteur CPU fonctionne sans GPU : utilisez-le à la place.',
  'job.useCpu': 'Utiliser le moteur CPU',
  'job.next.quota': 'Libérez de la place (supprimez un modèle ou l’historique), puis réessayez.',
  'job.next.download': 'Vérifiez la connexion et réessayez ; le téléchargement reprend proprement.',
  'job.next.retry': 'Réessayez ; si l’erreur persiste, choisissez un autre modèle dans les options.',
  'engine.cpu': 'CPU',
  'engine.webgpu': 'WebGPU',
  'engine.scripted': 'scripté',
  'models.title': 'Modèles sur cet appareil',
  'models.none': 'Aucun modèle téléchargé pour l’instant.',
  'models.delete': 'Supprimer {model}',
  'models.deleteShort': 'Supprimer',
  'options.title': 'Options de Skein',
  'options.engine': 'Moteur',
  'options.engine.auto': 'Automatique : le GPU (WebGPU) si le navigateur l’a, sinon le CPU',
  'options.engine.webgpu': 'GPU (WebGPU, web-llm)',
  'options.engine.cpu': 'CPU (partout, plus lent)',
  'options.cpuModel': 'Modèle CPU',
  'options.webgpuModel': 'Modèle GPU',
  'options.download': '{size} à télécharger',
  'options.memory': '{size} de mémoire GPU',
  'options.outputLanguage': 'Langue des résumés et des brouillons',
  'options.uiLanguage': 'Langue de l’interface',
  'options.lang.auto': 'La langue du navigateur',
  'options.privacy': 'Confidentialité',
  'options.privacyText': 'Skein fait tourner son modèle sur cet appareil. Les posts, résumés et brouillons n’en sortent jamais ; le seul téléchargement est le modèle lui-même. Ni statistiques, ni compte.',
  'options.data': 'Données',
  'options.export': 'Exporter l’historique (JSON)',
  'options.exportEmpty': 'Rien à exporter : l’historique est vide.',
  'options.exported': '{count} résultat(s) exporté(s).',
  'options.clear': 'Effacer l’historique',
  'options.cleared': '{count} résultat(s) effacé(s).',
  'options.engine.short.auto': 'Automatique',
  'options.engine.short.webgpu': 'GPU',
  'options.engine.short.cpu': 'CPU',
  'popup.summarize': 'Résumer ce fil',
  'popup.unsupported': 'Skein fonctionne sur X (x.com). Ouvrez-y un post pour le résumer.',
  'popup.panel': 'Ouvrir le panneau',
  'popup.options': 'Options',
  'popup.reload': 'Skein ne tourne pas encore sur cette page : rechargez-la.',
  'tabs.current': 'Ce fil',
  'card.explain': 'Skein explique',
  'tabs.history': 'Historique',
  'history.search': 'Chercher dans les résultats passés',
  'history.empty': 'Rien pour l’instant : les résumés et explications sont gardés au fur et à mesure.',
  'history.noMatch': 'Aucun résultat passé ne correspond.',
  'history.delete': 'Supprimer « {title} »',
};

/** The interface languages Skein has. */
export type UiLanguage = 'en' | 'fr';

const TABLES: Record<UiLanguage, Record<MessageKey, string>> = { en, fr };

/** The interface language for a BCP 47 tag: French for any `fr-*`, English otherwise. */
export function uiLanguageFor(tag: string | undefined | null): UiLanguage {
  return tag?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The browser's language, where the context has one. */
export function browserLanguage(): UiLanguage {
  return uiLanguageFor(typeof navigator === 'undefined' ? 'en' : navigator.language);
}

let chosen: UiLanguage | null = null;

/** Applies the interface-language setting ('auto' follows the browser) to this page. */
export function setUiLanguage(setting: 'auto' | UiLanguage): UiLanguage {
  chosen = setting === 'auto' ? null : setting;
  return currentLanguage();
}

/** The interface language in force on this page. */
export function currentLanguage(): UiLanguage {
  return chosen ?? browserLanguage();
}

/** A translated string with `{name}` placeholders filled in. Values are inserted as text. */
export function t(key: MessageKey, values: Record<string, string | number> = {}, lang: UiLanguage = currentLanguage()): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
