/** Profile import, a named entry of the solver for the import worker (CSV/TXT/XLSX bytes → series). */
export {
  ImportError,
  importProfile,
  importProfileStream,
  type ImportResult,
  type ImportSettings,
} from './parse';
export { importXlsx } from './xlsx';
export { readValueColumn } from './valueColumn';
export { formatImportMessage, type ImportMessage } from './messages';
