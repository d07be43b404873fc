import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import {
  buildExport,
  judgedModels,
  loadFineTuneData,
  type PairFormat,
  pairLines,
} from '../../lib/finetune/export-data';
import type { ExportFilter } from '../../lib/finetune/export-filter';
import { toJsonl } from '../../lib/finetune/jsonl';
import { useI18n } from '../hooks/use-t';
import { saveFile } from '../ui/save-file';
import { Field } from './field';

/** A dated JSONL file made in the page. */
function download(name: string, text: string) {
  saveFile(`${name}-${new Date().toISOString().slice(0, 10)}.jsonl`, text, 'application/jsonl');
}

/**
 * The fine-tuning export: filters (since, ratings, model), the counts of SFT
 * examples and preference pairs they give, and the two JSONL downloads.
 */
export function FineTuneExport() {
  const { t } = useI18n();
  const id = useId();
  const loaded = useLiveQuery(loadFineTuneData, []);
  const [since, setSince] = useState('');
  const [rating, setRating] = useState<ExportFilter['rating']>('rated');
  const [model, setModel] = useState('');
  const [format, setFormat] = useState<PairFormat>('plain');
  const models = useMemo(() => (loaded ? judgedModels(loaded.messages, loaded.data.runs) : []), [loaded]);
  const result = useMemo(() => {
    if (!loaded) return null;
    const sinceMs = since ? new Date(`${since}T00:00:00`).getTime() : undefined;
    const filter: ExportFilter = {
      rating,
      ...(sinceMs === undefined || Number.isNaN(sinceMs) ? {} : { since: sinceMs }),
      ...(model ? { model } : {}),
    };
    return buildExport(loaded.data, filter);
  }, [loaded, since, rating, model]);
  return (
    <div className="fine-tune-export" data-testid="fine-tune-export">
      <p>{t('data.fineTuneIntro')}</p>
      <p className="muted">{t('data.fineTuneHint')}</p>
      <div className="fine-tune-filters">
        <Field id={`${id}-since`} label={t('data.fineTuneSince')}>
          <input id={`${id}-since`} type="date" value={since} onChange={(event) => setSince(event.target.value)} />
        </Field>
        <Field id={`${id}-rating`} label={t('data.fineTuneRating')}>
          <select
            id={`${id}-rating`}
            value={rating}
            onChange={(event) => setRating(event.target.value === 'up' ? 'up' : 'rated')}
          >
            <option value="rated">{t('data.fineTuneRatingRated')}</option>
            <option value="up">{t('data.fineTuneRatingUp')}</option>
          </select>
        </Field>
        <Field id={`${id}-model`} label={t('data.fineTuneModel')}>
          <select id={`${id}-model`} value={model} onChange={(event) => setModel(event.target.value)}>
            <option value="">{t('data.fineTuneAllModels')}</option>
            {models.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <p data-testid="fine-tune-counts">
        {t('data.fineTuneCounts', { sft: result?.sft.length ?? 0, pairs: result?.pairs.length ?? 0 })}
        {result && result.skipped > 0 ? <> {t('data.fineTuneSkipped', { count: result.skipped })}</> : null}
      </p>
      <Field id={`${id}-format`} label={t('data.fineTunePairFormat')}>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(event) => setFormat(event.target.value === 'dpo' ? 'dpo' : 'plain')}
        >
          <option value="plain">{t('data.fineTunePlain')}</option>
          <option value="dpo">{t('data.fineTuneDpo')}</option>
        </select>
      </Field>
      <div className="row">
        <button
          type="button"
          disabled={!result || result.sft.length === 0}
          onClick={() => result && download('aside-fine-tuning-sft', toJsonl(result.sft))}
        >
          {t('data.fineTuneExport')}
        </button>
        <button
          type="button"
          disabled={!result || result.pairs.length === 0}
          onClick={() =>
            result && download(`aside-preference-pairs-${format}`, toJsonl(pairLines(result.pairs, format)))
          }
        >
          {t('data.fineTuneExportPairs')}
        </button>
      </div>
    </div>
  );
}
