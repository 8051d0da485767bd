/**
 * A hash table of list positions, for the lookups made once per roster row (an id seen
 * before, a name seen in the unit before). A Map keyed by a million fresh strings spends
 * more time than reading the file; this table is two typed arrays: the caller hashes its
 * key to 32 bits and says, given a position, whether the key there is the same.
 */

/** FNV-1a over a string's UTF-16 code units, mixed with `seed`: the hash of a key. */
export function hashText(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
}

export class IndexTable<K> {
  /** position + 1 per slot, 0 for an empty slot */
  private slots: Int32Array;
  /** each slot's hash, so that growing never asks the caller again */
  private hashes: Int32Array;
  private count = 0;

  /** `same(position, key)`: whether the key at that position is `key` */
  constructor(
    private readonly same: (position: number, key: K) => boolean,
    capacity = 1024,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.hashes = new Int32Array(size);
  }

  /** The position stored under `key`, or -1. */
  find(hash: number, key: K): number {
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      if (v === 0) return -1;
      if (this.hashes[s] === hash && this.same(v - 1, key)) return v - 1;
    }
  }

  /** Stores `position` under a key `find` did not find. */
  add(hash: number, position: number): void {
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    this.place(hash, position + 1);
    this.count++;
  }

  private place(hash: number, value: number): void {
    const mask = this.slots.length - 1;
    let s = hash & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = value;
    this.hashes[s] = hash;
  }

  private grow(): void {
    const { slots, hashes } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.hashes = new Int32Array(slots.length * 2);
    for (let s = 0; s < slots.length; s++) if (slots[s] !== 0) this.place(hashes[s]!, slots[s]!);
  }
}
