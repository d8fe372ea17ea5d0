/** The name people say: "城里社区居委会" → "城里社区", "马家村村民委员会" → "马家村", "西王村委会" → "西王村". */
export function shortDivisionName(name: string): string {
  return name.replace(/(社区)?(居民委员会|居委会)$/, '社区').replace(/村?(村民委员会|村委会)$/, '村');
}
