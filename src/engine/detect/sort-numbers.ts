/**
 * Sorting the short lists of numbers the matcher and the rule automaton make per text (rule
 * numbers, NFA states): a handful of items, where an insertion sort beats the builtin's
 * comparator calls.
 */

/** Sorts `numbers` ascending, in place. */
export function sortNumbers(numbers: number[]): void {
  if (numbers.length > 32) {
    numbers.sort((x, y) => x - y);
    return;
  }
  for (let i = 1; i < numbers.length; i += 1) {
    const value = numbers[i] ?? 0;
    let at = i;
    while (at > 0 && (numbers[at - 1] ?? 0) > value) {
      numbers[at] = numbers[at - 1] ?? 0;
      at -= 1;
    }
    numbers[at] = value;
  }
}
