// Preload of every Werkplan window (sandboxed, context-isolated). Exposes window.werkplan only.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeBridge } from './bridge';

exposeBridge(contextBridge, ipcRenderer);
