/**
 * Reaching Skein's inline UI from tests. Its shadow roots are closed and its hosts carry no
 * attributes, so neither the page nor Playwright's locators can see inside. Tests go through
 * the browser's own debugging protocol instead (DevTools in Chromium, WebDriver BiDi in
 * Firefox), which hands over a closed root; every action is then a real mouse click or key
 * press at the control's place on screen, trusted like the user's.
 */
import { expect } from '@playwright/test';
import { UI_STEP } from './limits';

/**
 * Runs `fn` (a function's source: `(root, json) => string`) on the closed shadow root of the
 * `nth` host matching `hosts` in the page's main frame (of every one, in page order, when `nth`
 * is null); returns what each returned (nothing when there is no such host).
 */
export type RootRunner = (hosts: string, nth: number | null, fn: string, json: string) => Promise<string[]>;

/** The real mouse and keyboard of the browser (Playwright's and puppeteer's share this shape). */
export interface Input {
  mouse: { click(x: number, y: number): Promise<unknown> };
  keyboard: { type(text: string): Promise<unknown>; press(key: string): Promise<unknown> };
}

/** A control inside a root: a CSS selector, or a button / field by its accessible name. */
export type Target = string | { button: string | RegExp } | { label: string | RegExp };

type Wire = { css?: string; button?: [string, string] | string; label?: [string, string] | string };

const wire = (t: Target): Wire => {
  if (typeof t === 'string') return { css: t };
  const name = 'button' in t ? t.button : t.label;
  const value: Wire['button'] = name instanceof RegExp ? [name.source, name.flags] : name;
  return 'button' in t ? { button: value } : { label: value };
};

/*
 * The functions below run in the page, so they may use nothing from this module: each is
 * sent as source. `find` is sent inside every operation that needs it.
 */
function find(root: ParentNode, t: Wire): HTMLElement | null {
  if (t.css) return root.querySelector<HTMLElement>(t.css);
  const want = t.button ?? t.label!;
  const matches = (s: string) =>
    typeof want === 'string' ? s.trim() === want : new RegExp(want[0], want[1]).test(s.trim());
  const candidates = Array.from(
    root.querySelectorAll<HTMLElement>(t.button ? 'button, [role="menuitem"]' : 'input, select, textarea'),
  );
  return (
    candidates.find((el) => {
      const names = [el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? ''];
      if (t.button) names.push(el.textContent ?? '');
      // A label's own words, without the text of the control it wraps (a select's options).
      else
        for (const l of Array.from((el as HTMLInputElement).labels ?? []))
          names.push(Array.from(l.childNodes, (n) => (n.nodeType === 3 ? n.textContent : '')).join(''));
      return names.some((n) => n && matches(n));
    }) ?? null
  );
}

// Under tsx (the bench scripts), esbuild's keepNames wraps functions in `__name(fn, name)` calls,
// which the page lacks: a no-op stands in for it.
const op = (body: string) =>
  `(root, json) => { const __name = (f) => f; const arg = JSON.parse(json); ${find.toString()}; ${body} }`;

const shown = (el: HTMLElement | null) =>
  !!el && !el.closest('[hidden]') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

/** One host of Skein's inline UI (the `nth` match of a selector), seen from inside its root. */
export class SkeinHost {
  constructor(
    private readonly run: RootRunner,
    private readonly input: Input,
    readonly selector: string,
    private readonly nth = 0,
  ) {}

  /** What `body` returns on this host's root (`root`, `arg`, `find` in scope); null when no host. */
  async evaluate<T>(body: string, arg: unknown = null): Promise<T | null> {
    const [one] = await this.run(
      this.selector,
      this.nth,
      op(`return JSON.stringify((() => { ${body} })());`),
      JSON.stringify(arg),
    );
    return one === undefined ? null : (JSON.parse(one) as T);
  }

  /** The text of the first match of `css` (the whole UI by default); null when absent. */
  text(css = '.skein'): Promise<string | null> {
    return this.evaluate(`return root.querySelector(arg)?.textContent ?? null;`, css);
  }

  /** The texts of every match of `css`, in order. */
  async texts(css: string): Promise<string[]> {
    return (
      (await this.evaluate<string[]>(`return Array.from(root.querySelectorAll(arg), (e) => e.textContent);`, css)) ?? []
    );
  }

  /** What `body` returns with `el`, the target, in scope (and `root`); null when there is none. */
  on<T>(target: Target, body: string): Promise<T | null> {
    return this.evaluate(`const el = find(root, arg); if (!el) return null; ${body}`, wire(target));
  }

  /** How many elements match `css`. */
  async count(css: string): Promise<number> {
    return (await this.evaluate<number>(`return root.querySelectorAll(arg).length;`, css)) ?? 0;
  }

  /** The value of a field. */
  value(target: Target): Promise<string | null> {
    return this.evaluate(`return find(root, arg)?.value ?? null;`, wire(target));
  }

  /** The host's theme, job or status, as Skein keeps it inside the root. */
  state(key: 'status' | 'theme' | 'job'): Promise<string | null> {
    return this.evaluate(`return root.querySelector('.skein')?.dataset[arg] ?? null;`, key);
  }

  /** Whether the target is there and shown. */
  async visible(target: Target): Promise<boolean> {
    return (
      (await this.evaluate<boolean>(
        `const shown = ${shown.toString()}; return shown(find(root, arg));`,
        wire(target),
      )) ?? false
    );
  }

  /** The accessible name (label or text) of the element focused inside the root; null when none. */
  focused(): Promise<string | null> {
    return this.evaluate(
      `const el = root.activeElement; if (!el) return null;
       const label = el.labels?.[0];
       const own = label && Array.from(label.childNodes, (n) => (n.nodeType === 3 ? n.textContent : '')).join('');
       return (el.getAttribute('aria-label') ?? own ?? el.textContent).trim();`,
    );
  }

  /** Where the target is on screen after scrolling it into view, once it is shown and enabled. */
  private async place(target: Target): Promise<{ x: number; y: number }> {
    let at: { x: number; y: number } | null = null;
    await expect
      .poll(
        async () =>
          (at = await this.evaluate<{ x: number; y: number } | null>(
            `const shown = ${shown.toString()}; const el = find(root, arg);
             if (!shown(el) || el.disabled) return null;
             el.scrollIntoView({ block: 'center', inline: 'center' });
             const r = el.getBoundingClientRect();
             return { x: r.left + r.width / 2, y: r.top + r.height / 2 };`,
            wire(target),
          )),
        { message: `${JSON.stringify(wire(target))} shown and enabled in ${this.selector}`, timeout: UI_STEP },
      )
      .not.toBeNull();
    return at!;
  }

  /** Clicks the target with the real mouse. */
  async click(target: Target): Promise<void> {
    const { x, y } = await this.place(target);
    await this.input.mouse.click(x, y);
  }

  /** Puts the focus on a field, as a click or Tab would (a click would open a select's list). */
  private async focus(target: Target): Promise<void> {
    await this.place(target);
    await this.evaluate(`find(root, arg).focus(); find(root, arg).select?.();`, wire(target));
  }

  /** Presses `key` on the target with the real keyboard (where the page's own boxes cover it). */
  async press(target: Target, key: string): Promise<void> {
    await this.focus(target);
    await this.input.keyboard.press(key);
  }

  /** Types `text` into a text field, replacing what it held, with the real keyboard. */
  async fill(target: Target, text: string): Promise<void> {
    await this.focus(target);
    await this.input.keyboard.type(text);
  }

  /** Chooses the option of value `value` in a select with the real keyboard's arrow keys. */
  async select(target: Target, value: string): Promise<void> {
    await this.focus(target);
    const steps = await this.evaluate<number>(
      `const el = find(root, arg.t); return Array.from(el.options).findIndex((o) => o.value === arg.value) ` +
        `- el.selectedIndex;`,
      { t: wire(target), value },
    );
    for (let i = 0; i < Math.abs(steps ?? 0); i++)
      await this.input.keyboard.press(steps! > 0 ? 'ArrowDown' : 'ArrowUp');
    await expect
      .poll(() => this.evaluate(`return find(root, arg).value;`, wire(target)), { timeout: UI_STEP })
      .toBe(value);
  }
}

/** Skein's inline UI on one page. */
export class SkeinUi {
  constructor(
    private readonly run: RootRunner,
    private readonly input: Input,
  ) {}

  /** The `nth` host (0 first) matching `selector`, for example `skein-reply-bar`. */
  host(selector: string, nth = 0): SkeinHost {
    return new SkeinHost(this.run, this.input, selector, nth);
  }

  /** How many hosts match `selector` and have Skein's closed root. */
  async count(selector: string): Promise<number> {
    return (await this.run(selector, null, op('return "1";'), 'null')).length;
  }
}

/** A RootRunner over a page's DevTools session (Chromium), opened at the first call. */
export function devtoolsRoots(open: () => Promise<CdpSender>): RootRunner {
  let session: Promise<CdpSender> | null = null;
  return async (hosts, nth, fn, json) => {
    session ??= open();
    const cdp = await session;
    const group = 'skein-ui';
    try {
      const { result } = (await cdp.send('Runtime.evaluate', {
        expression: `Array.from(document.querySelectorAll(${JSON.stringify(hosts)}))`,
        objectGroup: group,
      })) as { result: { objectId: string } };
      const { result: props } = (await cdp.send('Runtime.getProperties', {
        objectId: result.objectId,
        ownProperties: true,
      })) as { result: { name: string; value?: { objectId?: string } }[] };
      const elements = props
        .filter((p) => /^\d+$/.test(p.name) && (nth === null || Number(p.name) === nth))
        .sort((a, b) => Number(a.name) - Number(b.name));
      const out: string[] = [];
      for (const el of elements) {
        // DevTools hands out closed roots along with open ones.
        const { node } = (await cdp.send('DOM.describeNode', { objectId: el.value!.objectId, pierce: true })) as {
          node: { shadowRoots?: { backendNodeId: number }[] };
        };
        const shadow = node.shadowRoots?.[0];
        if (!shadow) continue;
        const { object } = (await cdp.send('DOM.resolveNode', {
          backendNodeId: shadow.backendNodeId,
          objectGroup: group,
        })) as {
          object: { objectId: string };
        };
        const reply = (await cdp.send('Runtime.callFunctionOn', {
          objectId: object.objectId,
          functionDeclaration: fn,
          arguments: [{ objectId: object.objectId }, { value: json }],
          returnByValue: true,
        })) as { result: { value: string }; exceptionDetails?: { exception?: { description?: string } } };
        if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? 'in the root');
        out.push(reply.result.value);
      }
      return out;
    } finally {
      await cdp.send('Runtime.releaseObjectGroup', { objectGroup: group });
    }
  };
}

/** What devtoolsRoots needs of a DevTools session. */
export interface CdpSender {
  send(method: string, params?: object): Promise<unknown>;
}

/** What bidiRoots needs of a WebDriver BiDi connection. */
export interface BidiSender {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

type BidiNode = { value?: { shadowRoot?: { sharedId: string } | null } };

/** A script command's result: its value, or the exception it threw. */
type BidiEval<T> = { type: 'success' | 'exception'; result?: { value?: T }; exceptionDetails?: { text?: string } };

async function bidiEval<T>(connection: BidiSender, method: string, params: object): Promise<T | undefined> {
  const reply = (await connection.send(method, params)).result as BidiEval<T>;
  if (reply.type !== 'success') throw new Error(`${method}: ${reply.exceptionDetails?.text ?? 'exception'}`);
  return reply.result?.value;
}

/** A RootRunner over WebDriver BiDi (Firefox), in the browsing context `context`. */
export function bidiRoots(connection: BidiSender, context: string): RootRunner {
  return async (hosts, nth, fn, json) => {
    const nodes = await bidiEval<BidiNode[]>(connection, 'script.evaluate', {
      expression: `Array.from(document.querySelectorAll(${JSON.stringify(hosts)}))`,
      target: { context },
      awaitPromise: false,
      // BiDi serializes closed roots when asked for every shadow tree.
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0, maxObjectDepth: 1 },
    });
    const out: string[] = [];
    for (const node of nth === null ? (nodes ?? []) : (nodes ?? []).slice(nth, nth + 1)) {
      const root = node.value?.shadowRoot;
      if (!root) continue;
      const value = await bidiEval<string>(connection, 'script.callFunction', {
        functionDeclaration: fn,
        target: { context },
        awaitPromise: false,
        arguments: [{ sharedId: root.sharedId }, { type: 'string', value: json }],
      });
      out.push(value ?? 'null');
    }
    return out;
  };
}
