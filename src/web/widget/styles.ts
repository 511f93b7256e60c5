// The widget's styles, inside its Shadow DOM so the store's CSS cannot reach them (nor they the store).
export const styles = `
:host { all: initial; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.root { --accent: #2563eb; position: fixed; bottom: 20px; z-index: 2147483000; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; }
.root.right { right: 20px; } .root.left { left: 20px; }
.launcher { position: relative; width: 56px; height: 56px; border-radius: 50%; border: 0; background: var(--accent); color: #fff; cursor: pointer; box-shadow: 0 4px 16px rgb(0 0 0 / 0.25); display: grid; place-items: center; }
.launcher:focus-visible, button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.launcher .badge { position: absolute; top: -4px; inset-inline-end: -4px; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px; background: #dc2626; color: #fff; font-size: 12px; font-weight: 700; line-height: 22px; text-align: center; box-shadow: 0 0 0 2px #fff; }
.panel { position: absolute; bottom: 72px; width: min(370px, calc(100vw - 40px)); height: min(580px, calc(100vh - 120px)); background: #fff; border-radius: 14px; box-shadow: 0 10px 40px rgb(0 0 0 / 0.25); display: flex; flex-direction: column; overflow: hidden; }
.root.right .panel { right: 0; } .root.left .panel { left: 0; }
header { background: var(--accent); color: #fff; padding: 10px 12px; display: flex; align-items: center; gap: 10px; }
header .heading { flex: 1; min-width: 0; display: flex; flex-direction: column; }
header h2 { font-size: 16px; margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
header .state { font-size: 12px; opacity: 0.9; }
header .close { background: transparent; color: inherit; border: 0; font-size: 24px; line-height: 1; cursor: pointer; padding: 4px 8px; }
.avatar { width: 34px; height: 34px; flex: none; border-radius: 50%; background: rgb(255 255 255 / 0.25); color: #fff; display: grid; place-items: center; font-weight: 700; font-size: 14px; }
.avatar:empty { display: none; }
.avatar.small { width: 20px; height: 20px; font-size: 10px; background: var(--accent); }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; background: #f9fafb; overscroll-behavior: contain; }
.msg { max-width: 85%; display: flex; flex-direction: column; gap: 2px; }
.msg .text { padding: 8px 12px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .text:empty { display: none; }
.msg .who { display: flex; align-items: center; gap: 6px; font-size: 11px; color: #6b7280; padding: 0 4px; }
.msg .who .name { font-weight: 600; }
.msg.shopper { align-self: flex-end; }
.msg.shopper .who { justify-content: flex-end; }
.msg.shopper .who .name { display: none; }
.msg.shopper .text { background: var(--accent); color: #fff; border-end-end-radius: 4px; }
.msg.bot, .msg.agent { align-self: flex-start; }
.msg.bot .text, .msg.agent .text { background: #fff; border: 1px solid #e5e7eb; border-end-start-radius: 4px; }
.msg.system { align-self: center; max-width: 95%; }
.msg.system .text { color: #4b5563; font-size: 13px; text-align: center; padding: 2px 8px; }
.msg.pending { opacity: 0.6; }
.msg.failed .text { outline: 1px solid #dc2626; }
.msg .error { font-size: 12px; color: #b91c1c; padding: 0 4px; }
.msg .retrying { font-size: 12px; color: #4b5563; padding: 0 4px; }
.msg a { color: inherit; text-decoration: underline; }
.quick { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 12px 8px; background: #f9fafb; }
.quick button { border: 1px solid var(--accent); color: var(--accent); background: #fff; border-radius: 999px; padding: 6px 12px; cursor: pointer; font: inherit; font-size: 13px; }
.typing { padding: 0 14px 6px; font-size: 12px; color: #6b7280; background: #f9fafb; }
.typing:empty { display: none; }
.notice { display: flex; align-items: flex-start; gap: 8px; padding: 8px 12px; background: #fef2f2; color: #991b1b; border-top: 1px solid #fecaca; font-size: 13px; }
.notice span { flex: 1; }
.notice .dismiss { background: none; border: 0; color: inherit; font-size: 18px; line-height: 1; cursor: pointer; padding: 0 4px; }
.rating { padding: 10px 12px; border-top: 1px solid #e5e7eb; display: flex; flex-direction: column; gap: 6px; }
.rating .stars { display: flex; gap: 4px; }
.rating .stars button { font-size: 22px; background: none; border: 0; cursor: pointer; color: #d1d5db; }
.rating .stars button[aria-pressed="true"] { color: #f59e0b; }
.rating textarea { font: inherit; font-size: 16px; border: 1px solid #d1d5db; border-radius: 8px; padding: 6px; resize: none; }
.pics { display: flex; flex-wrap: wrap; gap: 4px; }
.pics img { display: block; max-width: 220px; max-height: 220px; width: auto; height: auto; border-radius: 8px; background: #e5e7eb; }
.cards { display: flex; flex-direction: column; gap: 6px; margin-top: 6px; }
.card { display: flex; align-items: center; gap: 10px; padding: 6px; border: 1px solid #e5e7eb; border-radius: 10px; background: #fff; color: inherit; text-decoration: none; }
a.card:hover, a.card:focus-visible { border-color: var(--accent); }
.card img { width: 56px; height: 56px; object-fit: cover; border-radius: 8px; background: #e5e7eb; flex: none; }
.card-text { display: flex; flex-direction: column; gap: 2px; min-width: 0; }
.card-title { font-weight: 600; overflow-wrap: anywhere; }
.card-price { color: #374151; }
.tray { display: flex; gap: 8px; padding: 8px 10px 0; border-top: 1px solid #e5e7eb; flex-wrap: wrap; }
.pending-pic { position: relative; width: 64px; display: flex; flex-direction: column; gap: 2px; }
.pending-pic img { width: 64px; height: 64px; object-fit: cover; border-radius: 8px; }
.pending-pic progress { width: 64px; height: 6px; }
.pending-pic.done progress { display: none; }
.pending-pic .remove { position: absolute; top: -6px; inset-inline-end: -6px; width: 20px; height: 20px; border-radius: 50%; border: 0; background: #111827; color: #fff; cursor: pointer; font-size: 13px; line-height: 1; padding: 0; }
.panel.dropping { outline: 3px dashed var(--accent); outline-offset: -6px; }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e5e7eb; }
form textarea { flex: 1; resize: none; border: 1px solid #d1d5db; border-radius: 10px; padding: 8px 10px; font: inherit; font-size: 16px; max-height: 120px; }
form .attach { background: transparent; color: #6b7280; padding: 0 6px; border: 0; cursor: pointer; }
form .attach svg { width: 20px; height: 20px; fill: currentColor; }
form button:disabled { opacity: 0.5; cursor: default; }
form .send, .rating .submit { background: var(--accent); color: #fff; border: 0; border-radius: 10px; padding: 0 14px; cursor: pointer; font: inherit; }
.rating .submit { padding: 6px 12px; align-self: flex-start; }
@media (max-width: 480px) {
  .panel { position: fixed; inset: var(--visible-top, 0px) 0 auto 0; width: 100%; height: var(--visible-height, 100dvh); border-radius: 0; }
  .root.open .launcher { display: none; }
}
`;
