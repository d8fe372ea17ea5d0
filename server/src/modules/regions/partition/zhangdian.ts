/**
 * How the demo generator lays out 张店区's 13 streets: the six urban streets share the core around the
 * district seat, the others take sectors of the ring clockwise from north, roughly where they really are.
 */
export const ZHANGDIAN_STREET_LAYOUT: Record<string, { urban: boolean; order: number }> = {
  '370303001000': { urban: true, order: 1 }, // 车站街道
  '370303002000': { urban: true, order: 2 }, // 公园街道
  '370303003000': { urban: true, order: 3 }, // 湖田街道
  '370303004000': { urban: true, order: 4 }, // 和平街道
  '370303005000': { urban: true, order: 5 }, // 科苑街道
  '370303006000': { urban: true, order: 6 }, // 体育场街道
  '370303104000': { urban: false, order: 10 }, // 傅家镇 (north)
  '370303008000': { urban: false, order: 11 }, // 四宝山街道 (north-east)
  '370303107000': { urban: false, order: 12 }, // 房镇镇 (east)
  '370303102000': { urban: false, order: 13 }, // 沣水镇 (south-east)
  '370303101000': { urban: false, order: 14 }, // 南定镇 (south)
  '370303009000': { urban: false, order: 15 }, // 马尚街道 (south-west)
  '370303105000': { urban: false, order: 16 }, // 中埠镇 (west)
};
