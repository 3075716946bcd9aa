import type { IpcEventLike } from '../electron-api';
import { originOf } from '../security';

export class UntrustedSenderError extends Error {
  constructor(channel: string, why: string) {
    super(`${channel}: refused: ${why}`);
    this.name = 'UntrustedSenderError';
  }
}

/**
 * Only the main frame of a window the shell created, showing the app's own origin, may call the
 * shell. Subframes, other origins and foreign webContents are refused.
 */
export function assertTrustedSender(
  channel: string,
  event: IpcEventLike,
  origins: Set<string>,
  windowIds: Set<number>,
): void {
  const frame = event.senderFrame;
  if (!frame) throw new UntrustedSenderError(channel, 'sender frame is gone');
  if (frame.top !== null && frame.top !== frame)
    throw new UntrustedSenderError(channel, 'sender is a subframe');
  const origin = originOf(frame.url);
  if (!origin || !origins.has(origin))
    throw new UntrustedSenderError(channel, `untrusted origin ${origin ?? frame.url}`);
  if (!windowIds.has(event.sender.id))
    throw new UntrustedSenderError(channel, 'sender is not a Werkplan window');
}
