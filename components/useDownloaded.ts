import { useEffect, useState } from 'react';
import { listDownloaded } from '@/utils/llm/downloads';

/** The ids of the models on this device (null while being read). */
export function useDownloaded(): Set<string> | null {
  const [ids, setIds] = useState<Set<string> | null>(null);
  useEffect(() => {
    void listDownloaded().then((models) => setIds(new Set(models.map((m) => m.id))), () => setIds(new Set()));
  }, []);
  return ids;
}
