/**
 * Reading a summary as the model writes it (also while it is still streaming) into parts the
 * panel can show, with citations turned into post numbers.
 */
import { HEADINGS } from './prompts';

/** A statement and the posts it cites (1-based page order). */
export interface Cited {
  text: string;
  cites: number[];
}

/** A summary in its three parts; any may be empty while streaming or when the model strays. */
export interface ParsedSummary {
  tldr: Cited | null;
  points: Cited[];
  voices: Cited[];
  /** Lines that fit no part, shown as they are. */
  other: string[];
}

const CITE = /\[(\d+(?:\s*[,;–-]\s*\d+)*)\]/g;

/** Splits `[2][3, 5]` citations off a line; numbers outside 1..postCount are dropped. */
export function splitCitations(line: string, postCount: number): Cited {
  const cites: number[] = [];
  const text = line.replace(CITE, (_m, list: string) => {
    for (const n of list.split(/[,;–-]/).map((x) => Number(x.trim()))) {
      if (Number.isInteger(n) && n >= 1 && n <= postCount && !cites.includes(n)) cites.push(n);
    }
    return '';
  });
  return {
    text: text
      .replace(/\s+([.,;:!?])/g, '$1')
      .replace(/\s{2,}/g, ' ')
      .trim(),
    cites,
  };
}

const ALL = [HEADINGS.en, HEADINGS.fr];
const heading = (line: string, key: 'tldr' | 'points' | 'voices') =>
  ALL.map((h) => h[key].toLowerCase()).find((h) =>
    line
      .toLowerCase()
      .replace(/^[#*\s]+/, '')
      .startsWith(h),
  );

/** Parses summary text in either language's headings. */
export function parseSummary(text: string, postCount: number): ParsedSummary {
  const out: ParsedSummary = { tldr: null, points: [], voices: [], other: [] };
  let section: 'points' | 'voices' | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const tl = heading(line, 'tldr');
    if (tl) {
      const rest = line
        .replace(/^[#*\s]+/, '')
        .slice(tl.length)
        .replace(/^[\s*:]+/, '');
      out.tldr = splitCitations(rest, postCount);
      section = null;
      continue;
    }
    if (heading(line, 'points')) {
      section = 'points';
      continue;
    }
    if (heading(line, 'voices')) {
      section = 'voices';
      continue;
    }
    const item = /^[-*•]\s*(.*)$/.exec(line)?.[1] ?? /^\d+[.)]\s+(.*)$/.exec(line)?.[1];
    if (section && item != null) out[section].push(splitCitations(item, postCount));
    else if (!out.tldr && !section) out.tldr = splitCitations(line, postCount);
    else out.other.push(line);
  }
  return out;
}

/** One topic of a catch-up: its name and what the posts on it say. */
export interface Topic {
  title: string;
  points: Cited[];
}

const BULLET = /^[-*•]\s+/;

/**
 * Parses a catch-up (prompts.ts catchUpMessages): "## topic" lines, each followed by "- point
 * [n]" lines. A line that is neither is kept apart, as the model wrote it; points before any
 * topic line go under a topic with no name.
 */
export function parseTopics(text: string, postCount: number): { topics: Topic[]; other: string[] } {
  const topics: Topic[] = [];
  const other: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#')) {
      const title = line
        .replace(/^#+\s*/, '')
        .replace(/\*\*/g, '')
        .trim();
      if (title) topics.push({ title, points: [] });
    } else if (BULLET.test(line)) {
      if (!topics.length) topics.push({ title: '', points: [] });
      topics.at(-1)!.points.push(splitCitations(line.replace(BULLET, ''), postCount));
    } else other.push(line);
  }
  return { topics, other };
}
