import { parseSummary, parseTopics, type Cited } from '@/utils/llm/summary-format';
import { t } from '@/utils/i18n';
import { FOCUS_RING } from './styles';

/** A citation's colour, in the panel's light and dark themes. */
const CITE_COLOUR = 'text-violet-700 hover:underline dark:text-violet-300';

/** A citation: the post's number; a button that shows the post on the page. */
function Cites({ cites, onCite }: { cites: number[]; onCite(n: number): void }) {
  return (
    <>
      {cites.map((n) => (
        <button
          key={n}
          type="button"
          className={`ml-0.5 rounded px-0.5 align-super text-xs font-semibold ${CITE_COLOUR} ${FOCUS_RING}`}
          data-testid="citation"
          aria-label={t('job.citation', { n })}
          onClick={() => onCite(n)}
        >
          [{n}]
        </button>
      ))}
    </>
  );
}

const Line = ({ item, onCite }: { item: Cited; onCite(n: number): void }) => (
  <>
    {item.text}
    <Cites cites={item.cites} onCite={onCite} />
  </>
);

/** A titled list of cited statements; nothing while it is empty. */
function Section({
  title,
  items,
  testId,
  onCite,
}: {
  title: string;
  items: Cited[];
  testId: string;
  onCite(n: number): void;
}) {
  if (items.length === 0) return null;
  return (
    <section>
      <h3 className="text-xs font-semibold uppercase text-slate-500">{title}</h3>
      <ul className="list-disc pl-5" data-testid={testId}>
        {items.map((item, i) => (
          <li key={i}>
            <Line item={item} onCite={onCite} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Model output as text (never HTML), in its parts, with clickable citations. */
export function SummaryText({ text, postCount, onCite }: { text: string; postCount: number; onCite(n: number): void }) {
  const s = parseSummary(text, postCount);
  return (
    <div className="flex flex-col gap-2" data-testid="summary">
      {s.tldr && (
        <p className="font-medium" data-testid="summary-tldr">
          <Line item={s.tldr} onCite={onCite} />
        </p>
      )}
      <Section title={t('job.points')} items={s.points} testId="summary-points" onCite={onCite} />
      <Section title={t('job.voices')} items={s.voices} testId="summary-voices" onCite={onCite} />
      {s.other.map((line, i) => (
        <p key={i} className="whitespace-pre-wrap">
          {line}
        </p>
      ))}
    </div>
  );
}

/** A catch-up as text (never HTML): its topics, each with its cited points. */
export function TopicsText({ text, postCount, onCite }: { text: string; postCount: number; onCite(n: number): void }) {
  const { topics, other } = parseTopics(text, postCount);
  return (
    <div className="flex flex-col gap-2" data-testid="topics">
      {topics.map((topic, i) => (
        <section key={i} data-testid="topic">
          {topic.title && <h3 className="font-semibold">{topic.title}</h3>}
          <ul className="list-disc pl-5">
            {topic.points.map((point, j) => (
              <li key={j}>
                <Line item={point} onCite={onCite} />
              </li>
            ))}
          </ul>
        </section>
      ))}
      {other.map((line, i) => (
        <p key={i} className="whitespace-pre-wrap">
          {line}
        </p>
      ))}
    </div>
  );
}
