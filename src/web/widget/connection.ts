// The widget's socket to /shopper, and the connection state in the header.
import { io, type Socket } from 'socket.io-client';
import type { ServerToShopper, ShopperToServer } from '../../shared/protocol.js';
import type { WidgetOptions } from './options.js';
import type { Strings } from './strings.js';
import type { View } from './view.js';

export type ShopperSocket = Socket<ServerToShopper, ShopperToServer>;

export function connect(options: WidgetOptions, view: View, { t }: Strings, tokenKey: string): ShopperSocket {
  const socket: ShopperSocket = io(`${options.server}/shopper`, {
    transports: ['websocket', 'polling'],
    auth: (callback) =>
      callback({
        token: localStorage.getItem(tokenKey) ?? undefined,
        locale: options.locale,
        page: location.href,
        ...(options.identity ? { identity: options.identity } : {}),
        ...(options.product ? { product: options.product } : {}),
      }),
  });
  const show = () => {
    view.state.textContent = socket.connected ? t('online') : socket.active ? t('reconnecting') : t('connecting');
    view.root.dataset.connection = socket.connected ? 'online' : 'offline';
  };
  show();
  socket.on('connect', show);
  socket.on('connect_error', show);
  socket.on('disconnect', (reason) => {
    show();
    // The client reconnects by itself after a network loss, but not after the server closed the socket (it could not
    // open a session, e.g. while its store is away): try again a little later, at a random moment so that many
    // widgets do not all come back at once.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 2000 + Math.random() * 3000);
  });
  return socket;
}
