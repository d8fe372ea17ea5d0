/** Plausible Chinese personal names for demo staff, deterministic for a given index. */
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥建华建国建军志强志明海燕海波文静晓东晓燕丽娟淑珍淑华凤英国庆春梅桂兰秀珍立新宏伟德明';

export function staffName(index: number): string {
  // a multiplicative hash spreads consecutive indexes over the lists
  const h = Math.imul(index + 1, 2654435761) >>> 0;
  const surname = surnames[h % surnames.length]!;
  const a = given[(h >>> 8) % given.length]!;
  const b = given[(h >>> 16) % given.length]!;
  return h % 3 === 0 ? surname + a : surname + a + b;
}
