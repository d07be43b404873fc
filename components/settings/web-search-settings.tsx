import { useEffect, useId, useState } from 'react';
import { httpUrl } from '../../lib/consent/url-rules';
import { callBackground } from '../../lib/messaging/requests';
import { type ApiEngineId, apiEngines, browserSiteInfo, browserSites, searchEngineIds } from '../../lib/search/engines';
import { resultsTemplate, type WebSearchSettings } from '../../lib/search/search-settings';
import { webSearchSettingsItem } from '../../lib/settings/secure-settings';
import { useStorageItem } from '../hooks/use-storage-item';
import { useT } from '../hooks/use-t';
import { ExternalLink } from '../ui/external-link';
import { CheckField } from './check-field';
import { describedBy, Field } from './field';
import { OriginKeyField } from './origin-key-field';
import { UnitInput } from './unit-input';
import { useAction } from './use-action';

/** Web search: the engine, its address and key (or the no-key site), and how many result pages are read. */
export function WebSearchSettingsForm() {
  const t = useT();
  const id = useId();
  const stored = useStorageItem(webSearchSettingsItem);
  const [shown, setShown] = useState<WebSearchSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const origins = useAction(async () => (await callBackground('search.keyOrigins', {})).origins);
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once; the key field reloads it after a save
  useEffect(() => void origins.run(), []);
  const settings = shown ?? stored;
  if (!settings) return null;
  const update = (change: Partial<WebSearchSettings>) => {
    setShown({ ...settings, ...change });
    void webSearchSettingsItem.update((current) => ({ ...current, ...change }));
  };
  const engine = settings.engine;
  const info = engine === 'browser' ? null : apiEngines[engine];
  const keyOrigin = info && origins.state.status === 'done' ? origins.state.value[info.id] : undefined;

  const setEndpoint = (engineId: ApiEngineId, value: string) => {
    const trimmed = value.trim();
    const { [engineId]: _old, ...rest } = settings.endpoints;
    if (!trimmed) return update({ endpoints: rest });
    const parsed = httpUrl.safeParse(trimmed);
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? trimmed);
    setProblem(null);
    update({ endpoints: { ...rest, [engineId]: parsed.data } });
  };

  const setResultsUrl = (value: string) => {
    const site = settings.browserSite;
    const { [site]: _old, ...rest } = settings.browserUrls;
    const trimmed = value.trim();
    if (!trimmed) return update({ browserUrls: rest });
    const parsed = resultsTemplate.safeParse(trimmed);
    if (!parsed.success) return setProblem(parsed.error.issues[0]?.message ?? trimmed);
    setProblem(null);
    update({ browserUrls: { ...rest, [site]: parsed.data } });
  };

  return (
    <div className="general-settings web-search-settings">
      <Field id={`${id}-engine`} label={t('websearch.engine')}>
        <select
          id={`${id}-engine`}
          value={engine}
          onChange={(event) => update({ engine: event.target.value as WebSearchSettings['engine'] })}
        >
          {searchEngineIds.map((value) => (
            <option key={value} value={value}>
              {value === 'browser' ? t('websearch.engineBrowser') : apiEngines[value].name}
            </option>
          ))}
        </select>
      </Field>
      {info ? (
        <>
          <Field
            id={`${id}-endpoint`}
            label={t('websearch.endpoint')}
            hint={info.endpoint ? t('websearch.endpointHint', { url: info.endpoint }) : t('websearch.searxngHint')}
          >
            <input
              key={`${engine}-endpoint`}
              id={`${id}-endpoint`}
              type="url"
              spellCheck={false}
              defaultValue={settings.endpoints[info.id] ?? ''}
              placeholder={info.endpoint ?? 'https://searx.example.org'}
              onBlur={(event) => setEndpoint(info.id, event.target.value)}
              aria-describedby={describedBy(`${id}-endpoint`, { hint: true })}
            />
          </Field>
          {info.id === 'google' ? (
            <Field id={`${id}-cx`} label={t('websearch.cx')}>
              <input
                id={`${id}-cx`}
                spellCheck={false}
                defaultValue={settings.googleCx}
                onBlur={(event) => update({ googleCx: event.target.value.trim() })}
              />
            </Field>
          ) : null}
          {info.needsKey ? (
            <OriginKeyField
              key={`${info.id}-key`}
              label={t('settings.apiKey')}
              stored={keyOrigin !== undefined}
              origin={keyOrigin}
              hint={
                info.keyUrl ? (
                  <>
                    {t('websearch.keyHint', { engine: info.name })}{' '}
                    <ExternalLink href={info.keyUrl}>{new URL(info.keyUrl).host}</ExternalLink>
                  </>
                ) : null
              }
              saveKey={(key) => callBackground('search.saveKey', { engine: info.id, key })}
              removeKey={() => callBackground('search.saveKey', { engine: info.id, key: null })}
              onChanged={() => void origins.run()}
            />
          ) : null}
        </>
      ) : (
        <Field id={`${id}-site`} label={t('websearch.browserSite')} hint={t('websearch.browserHint')}>
          <select
            id={`${id}-site`}
            value={settings.browserSite}
            onChange={(event) => update({ browserSite: event.target.value as WebSearchSettings['browserSite'] })}
            aria-describedby={describedBy(`${id}-site`, { hint: true })}
          >
            {browserSites.map((site) => (
              <option key={site} value={site}>
                {browserSiteInfo[site].name}
              </option>
            ))}
          </select>
        </Field>
      )}
      {info ? null : (
        <Field
          id={`${id}-results`}
          label={t('websearch.resultsUrl')}
          hint={t('websearch.resultsUrlHint', { url: browserSiteInfo[settings.browserSite].resultsUrl })}
        >
          <input
            key={`${settings.browserSite}-results`}
            id={`${id}-results`}
            spellCheck={false}
            defaultValue={settings.browserUrls[settings.browserSite] ?? ''}
            placeholder={browserSiteInfo[settings.browserSite].resultsUrl}
            onBlur={(event) => setResultsUrl(event.target.value)}
            aria-describedby={describedBy(`${id}-results`, { hint: true })}
          />
        </Field>
      )}
      {problem ? (
        <div className="error-box" role="alert">
          {t('websearch.invalid', { problem })}
        </div>
      ) : null}
      <Field id={`${id}-pages`} label={t('websearch.pages')} hint={t('websearch.pagesHint')}>
        <UnitInput
          id={`${id}-pages`}
          unit={t('settings.unit.pages')}
          min={0}
          max={10}
          value={settings.pagesToRead}
          onChange={(event) => {
            const pages = Number(event.target.value);
            if (Number.isInteger(pages) && pages >= 0 && pages <= 10) update({ pagesToRead: pages });
          }}
          aria-describedby={describedBy(`${id}-pages`, { hint: true })}
        />
      </Field>
      <Field id={`${id}-budget`} label={t('websearch.budget')}>
        <UnitInput
          id={`${id}-budget`}
          unit={t('settings.unit.seconds')}
          min={2}
          max={60}
          value={settings.readBudgetSeconds}
          onChange={(event) => {
            const seconds = Number(event.target.value);
            if (Number.isInteger(seconds) && seconds >= 2 && seconds <= 60) update({ readBudgetSeconds: seconds });
          }}
        />
      </Field>
      <CheckField
        label={t('websearch.rewrite')}
        checked={settings.rewriteQueries}
        onChange={(rewriteQueries) => update({ rewriteQueries })}
      />
      <p className="muted">{t('websearch.privacy')}</p>
    </div>
  );
}
