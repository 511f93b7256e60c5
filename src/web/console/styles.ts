// The console's styles.
export const styles = `
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #111827; background: #f3f4f6; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #d1d5db; background: #fff; padding: 4px 10px; }
button.primary { background: #2563eb; border-color: #2563eb; color: #fff; }
button:disabled { opacity: 0.5; cursor: default; }
input, textarea, select { font: inherit; border: 1px solid #d1d5db; border-radius: 6px; padding: 6px 8px; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 1px; }
.login { max-width: 340px; margin: 12vh auto; background: #fff; padding: 24px; border-radius: 12px; display: flex; flex-direction: column; gap: 10px; box-shadow: 0 4px 20px rgb(0 0 0 / 0.08); }
.login .error { color: #b91c1c; min-height: 1.4em; }
.app { display: grid; grid-template-columns: 300px 1fr 320px; grid-template-rows: auto 1fr; height: 100vh; }
.top { grid-column: 1 / -1; display: flex; gap: 12px; align-items: center; padding: 8px 14px; background: #111827; color: #fff; }
.top .who { flex: 1; }
.queue { overflow-y: auto; border-right: 1px solid #e5e7eb; background: #fff; }
.queue h2, .side h2 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; color: #6b7280; margin: 12px; }
.item { display: block; width: 100%; text-align: start; border: 0; border-bottom: 1px solid #f3f4f6; border-radius: 0; padding: 10px 12px; background: #fff; }
.item[aria-current="true"] { background: #eff6ff; }
.item .line { display: flex; gap: 6px; align-items: center; }
.badge { font-size: 11px; padding: 1px 6px; border-radius: 999px; background: #e5e7eb; }
.badge.unread { background: #dc2626; color: #fff; }
.badge.priority { background: #f59e0b; color: #fff; }
.badge.mine { background: #2563eb; color: #fff; }
.item .preview { color: #6b7280; font-size: 12px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.chat { display: flex; flex-direction: column; min-width: 0; }
.chat .header { padding: 10px 14px; background: #fff; border-bottom: 1px solid #e5e7eb; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.chat .header .title { flex: 1; font-weight: 600; }
.log { flex: 1; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 75%; padding: 8px 12px; border-radius: 10px; background: #fff; border: 1px solid #e5e7eb; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.agent { align-self: flex-end; background: #dbeafe; border-color: #bfdbfe; }
.msg.bot { background: #f9fafb; }
.msg.system { align-self: center; color: #6b7280; background: transparent; border: 0; font-size: 12px; }
.msg.note { align-self: flex-end; background: #fef9c3; border-color: #fde68a; }
.msg .meta { display: block; font-size: 11px; color: #6b7280; margin-top: 3px; }
.typing { padding: 0 14px; color: #6b7280; font-size: 12px; min-height: 1.4em; }
.composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e5e7eb; background: #fff; align-items: flex-end; }
.composer textarea { flex: 1; resize: vertical; min-height: 44px; }
.side { border-left: 1px solid #e5e7eb; background: #fff; overflow-y: auto; display: flex; flex-direction: column; }
.side input { margin: 0 12px 8px; }
.canned { display: flex; flex-direction: column; gap: 6px; padding: 0 12px 12px; }
.canned button { text-align: start; display: flex; flex-direction: column; gap: 2px; padding: 8px; }
.canned .id { font-size: 11px; color: #6b7280; }
.canned .shopper { font-size: 12px; color: #374151; border-top: 1px dashed #e5e7eb; padding-top: 3px; }
.analytics { display: flex; flex-direction: column; gap: 18px; }
.analytics table { border-collapse: collapse; background: #fff; width: 100%; }
.analytics caption { text-align: start; font-weight: 600; padding: 4px 0; }
.analytics th, .analytics td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: start; font-size: 13px; }
.pics { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 4px; }
.pics img { display: block; max-width: 220px; max-height: 220px; width: auto; height: auto; border-radius: 6px; background: #e5e7eb; }
.case { background: #fff7ed; border: 1px solid #fdba74; border-radius: 10px; padding: 10px 12px; }
.case h3 { margin: 0 0 4px; font-size: 14px; }
.case .facts { margin-bottom: 6px; }
.tray { display: flex; gap: 8px; padding: 8px 10px 0; background: #fff; border-top: 1px solid #e5e7eb; flex-wrap: wrap; }
.tray[hidden] { display: none; }
.pending-pic { position: relative; width: 64px; display: flex; flex-direction: column; gap: 2px; }
.pending-pic img { width: 64px; height: 64px; object-fit: cover; border-radius: 6px; }
.pending-pic progress { width: 64px; height: 6px; }
.pending-pic.done progress { display: none; }
.pending-pic button { position: absolute; top: -6px; right: -6px; padding: 0 5px; border-radius: 50%; }
.empty { color: #6b7280; padding: 24px; text-align: center; }
`;
