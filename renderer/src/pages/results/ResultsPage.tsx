import { EmptyPage } from '../EmptyPage';

/** Entry of the results page (lazy-loaded by App). */
export default function ResultsPage() {
  return <EmptyPage page="results" />;
}
