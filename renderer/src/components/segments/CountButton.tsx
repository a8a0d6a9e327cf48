import type { SegmentSelector } from '../../../../shared/domain/segments';
import { useSegments } from '../../stores/segments';

/** A number that opens the customer grid filtered to the customers it counts. */
export function CountButton({ count, selector, label, testId }: { count: number; selector: SegmentSelector; label: string; testId?: string }) {
  const showCustomers = useSegments((s) => s.showCustomers);
  return (
    <button type="button" className="seg-count" data-testid={testId} title={label} disabled={count === 0} onClick={() => void showCustomers(selector, label)}>
      {count.toLocaleString()}
    </button>
  );
}
