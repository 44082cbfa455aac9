/** A growable list of ids (a posting list). Order is insertion order. */
export class IdList {
  ids = new Int32Array(4);
  length = 0;

  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }

  /** Removes every id for which `drop` is true, keeping the order of the rest. */
  removeWhere(drop: (id: number) => boolean): void {
    let w = 0;
    for (let r = 0; r < this.length; r++) {
      const id = this.ids[r]!;
      if (!drop(id)) this.ids[w++] = id;
    }
    this.length = w;
  }
}
