/**
 * The embedded UI's whole stylesheet, inside its shadow root. `:host` resets
 * everything the page could make it inherit; nothing here reaches the page.
 * Colours follow the page's own scheme (`data-scheme`, page-scheme.ts), not
 * the OS's: a light page gets a light card even when the OS is dark.
 */
export const embeddedCss = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; }
.root { --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d0d7de; --rule: #eaeef2; --hover: rgba(127,127,127,.15); --accent: #0969da; --on-accent: #fff; --danger: #cf222e; --tip-bg: #1f2328; --tip-fg: #fff;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--fg); color-scheme: light; }
.root[data-scheme="dark"] { --bg: #161b22; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --rule: #30363d; --hover: rgba(177,186,196,.16); --accent: #4493f8; --on-accent: #0d1117; --danger: #ff7b72; --tip-bg: #e6edf3; --tip-fg: #161b22; color-scheme: dark; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; background: none; border: 1px solid transparent; border-radius: 6px; padding: 4px 8px; margin: 0; cursor: pointer; line-height: 1.3; text-transform: none; letter-spacing: normal; }
button:hover { background: var(--hover); }
button:focus-visible, input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button.primary { background: var(--accent); color: var(--on-accent); border-color: var(--accent); font-weight: 600; }
button.primary:hover { filter: brightness(1.08); }
.toolbar { position: fixed; z-index: 2; display: flex; align-items: center; gap: 2px; padding: 3px; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 4px 14px rgba(0,0,0,.15); white-space: nowrap; }
.toolbar > .icon-button { position: relative; display: inline-flex; align-items: center; justify-content: center; width: 30px; height: 28px; padding: 0; font-size: 15px; line-height: 1; }
.toolbar > .icon-button[aria-expanded="true"] { background: var(--hover); }
.toolbar > .icon-button[data-tip]:hover::after, .toolbar > .icon-button[data-tip]:focus-visible::after { content: attr(data-tip); position: absolute; top: calc(100% + 6px); left: 50%; transform: translateX(-50%); padding: 3px 7px; border-radius: 5px; background: var(--tip-bg); color: var(--tip-fg); font-size: 12px; font-weight: 400; line-height: 1.3; white-space: nowrap; pointer-events: none; z-index: 1; }
.menu { position: absolute; top: calc(100% + 4px); left: 0; min-width: 180px; max-width: 260px; max-height: min(50vh, 360px); overflow: auto; display: flex; flex-direction: column; padding: 4px; background: var(--bg); border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 8px 24px rgba(0,0,0,.18); }
.menu button { display: flex; align-items: center; gap: 8px; width: 100%; text-align: start; padding: 5px 8px; }
.menu .icon { flex: none; width: 1.3em; text-align: center; }
.menu .label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.menu hr { border: 0; border-top: 1px solid var(--rule); margin: 4px 2px; }
.card { position: fixed; z-index: 1; width: 400px; max-width: calc(100vw - 16px); max-height: min(60vh, 520px); display: flex; flex-direction: column; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.2); overflow: hidden; }
.card header { display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 12px; border-bottom: 1px solid var(--rule); font-weight: 600; }
.card header .title { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.card .body { padding: 8px 12px; overflow: auto; flex: 1; min-height: 40px; }
.card footer { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px 8px; border-top: 1px solid var(--rule); }
.card .input { display: flex; gap: 6px; } .card .input input { flex: 1; min-width: 0; font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 6px; padding: 4px 6px; }
.card .follow-up { padding: 6px 8px; border-top: 1px solid var(--rule); }
.card .turn { padding-bottom: 8px; margin-bottom: 8px; border-bottom: 1px solid var(--rule); }
.card .question { margin: 0 0 6px; padding: 4px 8px; border-radius: 6px; background: var(--hover); font-weight: 600; white-space: pre-wrap; }
.card .status { color: var(--muted); }
.card .error { color: var(--danger); }
.card .url { word-break: break-all; font-family: ui-monospace, monospace; font-size: 12px; background: rgba(127,127,127,.12); padding: 4px 6px; border-radius: 4px; margin: 6px 0; }
.markdown p { margin: 0 0 .6em; } .markdown p:last-child { margin-bottom: 0; }
.markdown pre { overflow: auto; background: rgba(127,127,127,.12); padding: 8px; border-radius: 6px; }
.markdown code { font-family: ui-monospace, monospace; font-size: 12px; }
.markdown ul, .markdown ol { margin: 0 0 .6em; padding-left: 1.4em; }
.markdown a { color: var(--accent); cursor: pointer; text-decoration: underline; }
.markdown table { border-collapse: collapse; } .markdown td, .markdown th { border: 1px solid var(--line); padding: 2px 6px; }
`;
