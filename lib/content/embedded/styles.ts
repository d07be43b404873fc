/**
 * The embedded UI's whole stylesheet, inside its shadow root. `:host` resets
 * everything the page could make it inherit; nothing here reaches the page.
 */
export const embeddedCss = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important; }
.root { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328; color-scheme: light dark; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; background: none; border: 1px solid transparent; border-radius: 6px; padding: 4px 8px; margin: 0; cursor: pointer; line-height: 1.3; text-transform: none; letter-spacing: normal; }
button:hover { background: rgba(127,127,127,.15); }
button:focus-visible { outline: 2px solid #4f7cff; outline-offset: 1px; }
.toolbar { position: fixed; display: flex; gap: 2px; padding: 3px; background: #fff; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 4px 14px rgba(0,0,0,.15); white-space: nowrap; }
.toolbar .icon { display: inline-block; min-width: 1em; margin-right: 4px; }
.card { position: fixed; width: 400px; max-width: calc(100vw - 16px); max-height: min(60vh, 520px); display: flex; flex-direction: column; background: #fff; border: 1px solid #d0d7de; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.2); overflow: hidden; }
.card header { display: flex; align-items: center; gap: 8px; padding: 6px 8px 6px 12px; border-bottom: 1px solid #eaeef2; font-weight: 600; }
.card header .title { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.card .body { padding: 8px 12px; overflow: auto; flex: 1; min-height: 40px; }
.card footer { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px 8px; border-top: 1px solid #eaeef2; }
.card .input { display: flex; gap: 6px; } .card .input input { flex: 1; font: inherit; color: inherit; background: transparent; border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 6px; }
.card .status { color: #656d76; }
.card .error { color: #cf222e; }
.card .url { word-break: break-all; font-family: ui-monospace, monospace; font-size: 12px; background: rgba(127,127,127,.12); padding: 4px 6px; border-radius: 4px; margin: 6px 0; }
.markdown p { margin: 0 0 .6em; } .markdown p:last-child { margin-bottom: 0; }
.markdown pre { overflow: auto; background: rgba(127,127,127,.12); padding: 8px; border-radius: 6px; }
.markdown code { font-family: ui-monospace, monospace; font-size: 12px; }
.markdown ul, .markdown ol { margin: 0 0 .6em; padding-left: 1.4em; }
.markdown a { color: #0969da; cursor: pointer; text-decoration: underline; }
.markdown table { border-collapse: collapse; } .markdown td, .markdown th { border: 1px solid #d0d7de; padding: 2px 6px; }
@media (prefers-color-scheme: dark) {
  .root { color: #e6edf3; }
  .toolbar, .card { background: #161b22; border-color: #30363d; }
  .card header, .card footer { border-color: #30363d; }
}
`;
