import { EmptyPage } from '../EmptyPage';

/** Entry of the reports page (lazy-loaded by App). */
export default function ReportsPage() {
  return <EmptyPage page="reports" />;
}
