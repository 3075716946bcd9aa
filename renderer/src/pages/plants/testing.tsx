import type { ReactNode } from 'react';
import { useProject } from '../../project/store';
import { EditorProvider, makeEditor } from './editor';

/** For tests of the plants forms: `children` editing the open project's base (nothing without one). */
export function BaseEditor({ children }: { children: ReactNode }) {
  const doc = useProject((s) => s.doc);
  if (!doc) return null;
  return <EditorProvider editor={makeEditor(doc, null)}>{children}</EditorProvider>;
}
