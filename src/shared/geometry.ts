/** A rectangle in screen pixels (virtual desktop coordinates). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
