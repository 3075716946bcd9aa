import type { WerkplanBridge } from '../../../../contracts';
import type { FilePlatform } from './index';

/** Delegates to the preload bridge; the shell shows native dialogs and writes atomically. */
export function electronFiles(bridge: WerkplanBridge): FilePlatform {
  return {
    kind: 'electron',
    appVersion: () => bridge.appVersion(),
    openFile: (request) => bridge.openFile(request),
    saveFile: (request) => bridge.saveFile(request),
    printToPdf: (request) => bridge.printToPdf(request),
  };
}
