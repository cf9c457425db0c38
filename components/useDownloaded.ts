import { useCallback, useEffect, useState } from 'react';
import { listDownloaded } from '@/utils/llm/downloads';

/** The ids of the models on this device (null while being read), and a way to read them again. */
export function useDownloaded(): [Set<string> | null, () => void] {
  const [ids, setIds] = useState<Set<string> | null>(null);
  const refresh = useCallback(() => {
    void listDownloaded().then(
      (models) => setIds(new Set(models.map((m) => m.id))),
      () => setIds(new Set()),
    );
  }, []);
  useEffect(refresh, [refresh]);
  return [ids, refresh];
}
