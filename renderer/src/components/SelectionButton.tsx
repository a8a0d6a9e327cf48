/** A Customers toolbar button that hands the rows selected in the grid to another page (plan visits, print survey forms). */
export function SelectionButton({ ids, label, testId, open }: { ids: readonly number[]; label: string; testId: string; open: (ids: number[]) => void }) {
  return (
    <button type="button" className="button" disabled={ids.length === 0} onClick={() => open([...ids])} data-testid={testId}>
      {label}
    </button>
  );
}
