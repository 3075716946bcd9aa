import { EmptyPage } from '../EmptyPage';

/** Entry of the scenarios page (lazy-loaded by App). */
export default function ScenariosPage() {
  return <EmptyPage page="scenarios" />;
}
