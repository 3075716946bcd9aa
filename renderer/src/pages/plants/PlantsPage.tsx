import { EmptyPage } from '../EmptyPage';

/** Entry of the plants page (lazy-loaded by App). */
export default function PlantsPage() {
  return <EmptyPage page="plants" />;
}
