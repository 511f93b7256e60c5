// The widget's styles, inside its Shadow DOM so the store's CSS cannot reach them (nor they the store).
export const styles = `
:host { all: initial; }
* { box-sizing: border-box; }
.root { --accent: #2563eb; position: fixed; bottom: 20px; z-index: 2147483000; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; }
.root.right { right: 20px; } .root.left { left: 20px; }
.launcher { width: 56px; height: 56px; border-radius: 50%; border: 0; background: var(--accent); color: #fff; cursor: pointer; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); display: grid; place-items: center; }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.panel { position: absolute; bottom: 72px; width: min(370px, calc(100vw - 40px)); height: min(560px, calc(100vh - 120px)); background: #fff; border-radius: 14px; box-shadow: 0 10px 40px rgb(0 0 0 / 0.25); display: flex; flex-direction: column; overflow: hidden; }
.root.right .panel { right: 0; } .root.left .panel { left: 0; }
.panel[hidden] { display: none; }
header { background: var(--accent); color: #fff; padding: 12px 14px; display: flex; align-items: center; gap: 8px; }
header h2 { font-size: 16px; margin: 0; flex: 1; }
header .state { font-size: 12px; opacity: 0.9; }
header button { background: transparent; color: inherit; border: 0; font-size: 22px; line-height: 1; cursor: pointer; padding: 0 4px; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; background: #f9fafb; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.shopper { align-self: flex-end; background: var(--accent); color: #fff; border-end-end-radius: 4px; }
.msg.bot, .msg.agent { align-self: flex-start; background: #fff; border: 1px solid #e5e7eb; border-end-start-radius: 4px; }
.msg.system { align-self: center; background: transparent; color: #6b7280; font-size: 13px; text-align: center; }
.msg.pending { opacity: 0.6; }
.msg.failed { outline: 1px solid #dc2626; }
.msg .error { display: block; font-size: 12px; color: #fee2e2; margin-top: 4px; }
.msg a { color: inherit; text-decoration: underline; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.quick { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 12px 8px; background: #f9fafb; }
.quick button { border: 1px solid var(--accent); color: var(--accent); background: #fff; border-radius: 999px; padding: 6px 12px; cursor: pointer; font: inherit; font-size: 13px; }
.typing { padding: 0 14px 6px; font-size: 12px; color: #6b7280; background: #f9fafb; min-height: 0; }
.rating { padding: 10px 12px; border-top: 1px solid #e5e7eb; display: flex; flex-direction: column; gap: 6px; }
.rating .stars { display: flex; gap: 4px; }
.rating .stars button { font-size: 22px; background: none; border: 0; cursor: pointer; color: #d1d5db; }
.rating .stars button[aria-pressed="true"] { color: #f59e0b; }
.rating textarea { font: inherit; border: 1px solid #d1d5db; border-radius: 8px; padding: 6px; resize: none; }
.pics { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
.pics img { display: block; max-width: 220px; max-height: 220px; width: auto; height: auto; border-radius: 8px; background: #e5e7eb; }
.tray { display: flex; gap: 8px; padding: 8px 10px 0; border-top: 1px solid #e5e7eb; flex-wrap: wrap; }
.tray[hidden] { display: none; }
.pending-pic { position: relative; width: 64px; display: flex; flex-direction: column; gap: 2px; }
.pending-pic img { width: 64px; height: 64px; object-fit: cover; border-radius: 8px; }
.pending-pic progress { width: 64px; height: 6px; }
.pending-pic.done progress { display: none; }
.pending-pic .remove { position: absolute; top: -6px; inset-inline-end: -6px; width: 20px; height: 20px; border-radius: 50%; border: 0; background: #111827; color: #fff; cursor: pointer; font-size: 13px; line-height: 1; padding: 0; }
.pending-pic .error { font-size: 11px; color: #b91c1c; }
.panel.dropping { outline: 3px dashed var(--accent); outline-offset: -6px; }
form .attach { background: transparent; color: #6b7280; padding: 0 6px; }
form .attach svg { width: 20px; height: 20px; fill: currentColor; }
form button:disabled { opacity: 0.5; cursor: default; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e5e7eb; }
form textarea { flex: 1; resize: none; border: 1px solid #d1d5db; border-radius: 10px; padding: 8px 10px; font: inherit; max-height: 120px; }
form button, .rating .submit { background: var(--accent); color: #fff; border: 0; border-radius: 10px; padding: 0 14px; cursor: pointer; font: inherit; }
.rating .submit { padding: 6px 12px; align-self: flex-start; }
`;
