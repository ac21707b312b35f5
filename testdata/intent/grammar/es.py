# Spanish (Spain and Latin America: MX, AR, CO, PE, VE...)
SLOTS = {
    "hi": ["", "", "hola, ", "buenas, ", "buen día, ", "buenos días, ", "qué tal, ", "hola amigo, ", "ok, ", "gracias. ", "oye, ", "che, "],
    "msgr": ["WhatsApp", "whatsapp", "wasap", "wsp", "wpp", "guasap", "Telegram", "telegram", "tg", "Signal", "Skype",
             "Discord", "insta", "Instagram", "Messenger", "face"],
    "meet": ["Zoom", "Google Meet", "Meet", "Teams", "Skype"],
    "method": ["PayPal", "paypal", "Wise", "Payoneer", "Zelle", "Bizum", "Mercado Pago", "Nequi", "Yape", "Binance",
               "USDT", "cripto", "transferencia bancaria", "transferencia", "Western Union", "mi CBU", "mi CLABE",
               "mi IBAN", "Revolut", "Skrill"],
    "ms": ["el próximo hito", "el siguiente milestone", "el hito 2", "el segundo hito", "el último pago", "el pago final",
           "lo que falta", "el resto", "la segunda etapa", "el saldo pendiente"],
    "site": ["la plataforma", "esta página", "Upwork", "Fiverr", "Workana", "esta app", "este sitio"],
    "fee": ["la comisión", "las comisiones", "el 20%", "la tarifa de servicio", "lo que cobra la plataforma", "el fee"],
    "pct": ["el 20%", "un 20%", "el 10%", "casi el 20%", "un montón"],
    "work": ["el logo", "la web", "la app", "la traducción", "el video", "la landing", "la tienda", "el informe", "los diseños", "el artículo"],
    "amt": ["200 dólares", "$150", "500 USD", "80 €", "1.200 pesos", "300 dólares", "45 euros"],
    "tool": ["Zoom", "Google Meet", "Teams", "MS Teams", "Slack", "Asana", "Trello", "Notion", "Jira", "ClickUp", "Loom", "Calendly", "Discord", "HubSpot", "Xero", "QuickBooks", "Canva", "Figma", "Google Workspace", "Monday.com", "Airtable", "Zapier", "WhatsApp Business", "Skype", "Microsoft 365", "Basecamp"],
    "techm": ["WhatsApp", "Telegram", "Discord", "Slack", "la API de WhatsApp Business", "Messenger"],
    "techp": ["Stripe", "PayPal", "Mercado Pago", "Bizum", "Redsys", "Apple Pay", "la pasarela de pago", "Nequi"],
    "day": ["mañana", "el lunes", "el viernes", "esta tarde", "a las 5", "la semana que viene", "el finde"],
    "who": ["un cliente", "el cliente", "una clienta", "un tipo", "otro freelancer", "alguien", "un comprador"],
    "usted": ["", "por favor ", "porfa ", "si puede, ", "si podés, "],
}

T = {
"solicit_contact": """
named: {hi}[sigamos|hablemos|continuemos] por {msgr}[| mejor|, es más fácil|, que es más rápido]
named: {hi}[agrégame|agregame|añádeme|agregáme] [al|a|en] {msgr}[| porfa| y hablamos]
named: {hi}¿[tienes|tenés|tiene] {msgr}? [hablamos por ahí|te escribo por ahí|]
named: {hi}[pásame|pasame|mándame|dame] tu {msgr}[| y te escribo| y seguimos por ahí]
named: {hi}¿[podemos|podríamos] pasar [la charla|esto|la conversación] a {msgr}?
named: {hi}[escríbeme|escribime|háblame|mandame un mensaje] [al|por] {msgr}[| cuando puedas| y lo vemos]
named: {hi}casi no [entro|reviso] aquí, [búscame|contáctame|escríbeme] por {msgr}
named: {hi}te [mandé|envié] solicitud [en|por] {msgr}, [acéptala|acepta porfa]
meet: {hi}¿[hacemos|podemos hacer] una [llamada|reunión|videollamada] por {meet} [afuera|aparte|]? te paso el link por privado
generic: {hi}[sigamos|hablemos|mejor seguimos] fuera de [la plataforma|esta página|aquí]
generic: {hi}¿podemos hablar [en privado|por privado|directamente]? [aquí no|acá vigilan los mensajes|]
generic: {hi}[pásame|dame|mándame] tu [número|número personal|correo|celu|cel|mail][| para hablar directo| y te llamo]
generic: {hi}te [dejo|paso] mi número personal, [llámame|escríbeme|me hablas] directamente
generic: {hi}¿te puedo llamar [directamente|a tu celular|por teléfono|esta noche]?
generic: {hi}este chat [es muy lento|falla mucho|está monitoreado], [hablemos|sigamos] por otro lado
generic: {hi}¿cómo te [contacto|encuentro] fuera de {site}?
evasive: {hi}[búscame|buscame] en [face|Facebook|Instagram|LinkedIn] [con mi nombre|como aparezco aquí] y me escribes
evasive: {hi}aquí no me deja poner [el número|mi número], [te lo paso|búscame] por {msgr}, mismo nombre
evasive: {hi}mi [número|cel] está en mi foto de perfil, [escríbeme|mándame wsp]
""",
"solicit_payment": """
named: {hi}¿[me puedes|me podés|puede] pagar por {method}[| mejor| directamente]?
named: {hi}[acepto|solo acepto|prefiero] {method}[| para el pago|, ¿te sirve?]
named: {hi}[mándame|envíame|pasame] {amt} [a|por] {method} y [empiezo|arrancamos] [hoy|ya|]
named: {hi}[te paso|te mando] mi {method} y me [pagas|depositas|transferís] ahí
named: {hi}¿te [sirve|va bien|parece] pagar por {method}? [es más rápido|así nos ahorramos {fee}|]
named: {hi}yo te [pago|puedo pagar] por {method} [directo|directamente|] [y nos ahorramos {fee}|si te parece|]
milestone: {hi}{ms} [mándamelo|me lo pagas|depositámelo] directo a {method}, no por {site}
milestone: {hi}[hagamos|paguemos] {ms} fuera de {site}[ por {method}| directamente|]
milestone: {hi}cerramos el contrato [aquí|acá] y {ms} me lo [pagas|transferís|mandas] por {method}
milestone: {hi}no [financies|fondees|cargues] {ms} en {site}, [mejor|] [pásamelo|mándamelo] por {method}
milestone: {hi}para [no pagar|ahorrar] {fee}, ¿{ms} lo hacemos [por fuera|directo|aparte]?
fee: {hi}[págame|pagame] directo y nos [ahorramos|saltamos] {fee}
fee: {hi}{site} se queda con {pct}, [mejor|¿y si] lo hacemos [directo|por fuera][?|]
fee: {hi}te hago [descuento|un precio mejor|rebaja] si me pagas por fuera[ de {site}|]
fee: {hi}¿para qué darle {pct} a {site}? [págame|paga] directo y [ganamos los dos|te cobro menos]
fee: {hi}las comisiones [aquí|acá] son [un robo|altísimas|muy caras], ¿[pagamos|arreglamos el pago] por fuera?
generic: {hi}[deposítame|transfiéreme|mándame] [el dinero|la plata|el anticipo|lo que falta] a mi cuenta [directamente|personal|]
generic: {hi}[deposita|transfiere] a la cuenta de mi [primo|hermano|cuñado|esposa], [la mía tiene un problema|es lo mismo]
generic: {hi}te pago en efectivo [cuando nos veamos|en persona|en mano]
generic: {hi}[la mitad aquí|el anticipo aquí] y el resto [por fuera|directo|por {method}]
""",
"none": """
tools: [manejo|domino|uso a diario|herramientas:|tengo experiencia con] {tool}, {tool}, {tool} y {tool}[| sin problema|, la que use tu equipo]
tools: [nuestro equipo|el equipo] [usa|trabaja con] {tool} para [tareas|reuniones internas] y {tool} para [documentos|llamadas][|, el acceso se da al contratar]
refusal: {hi}[perdón,|lo siento,|disculpa,] [solo trabajo|solo cobro|solo hablo] por {site}[| por seguridad|, espero que entiendas]
refusal: {hi}no puedo [pasarte|compartir] mi [número|correo|wsp] antes del contrato, [sigamos por aquí|hablemos acá]
refusal: {hi}no acepto pagos fuera de {site}[, lo siento|, va contra las reglas|, nos protege a los dos]
refusal: {hi}[prefiero|mejor] [mantener|dejar] [todo|la comunicación|el pago] dentro de {site}
refusal: {hi}no, no voy a [salir de|pagar por fuera de] {site}. [el pago por el hito está bien|sigamos por aquí]
internal: {hi}[por favor|porfa] [libera|envía|fondea] {ms} [por la plataforma|en {site}|desde el contrato]
internal: {hi}ya [entregué|subí|envié] {ms}, [por favor revísalo y apruébalo|avísame si todo bien]
internal: {hi}[hagamos|usemos] la videollamada de la plataforma {day}[| para ver {work}]
internal: {hi}ya [fondeé|creé|cargué] {ms} [por {amt}|], puedes empezar
internal: {hi}[mándame|sube] los archivos aquí en el chat[| del proyecto| de la plataforma]
feature: {hi}necesito [un bot de|un bot para] {techm} [para mi tienda|para atención al cliente|que envíe avisos]
feature: {hi}¿[puedes|podés|sabes] integrar {techp} [en mi web|en la app|en el checkout]?
feature: {hi}el [webhook|API|sandbox] de {techp} [no funciona|da error 401|falla] [desde ayer|en producción|]
feature: {hi}[agrega|pon] un botón de "[escríbenos por|compartir en]" {techm} en la landing
smalltalk: {hi}[jaja|jeje|] {techm} [se cayó|andaba fatal|no funcionaba] [ayer|toda la mañana]
smalltalk: {hi}mi [familia|mamá|equipo] usa {techm} para todo[ jaja|]
schedule: {hi}¿[agendamos|programamos] una llamada [aquí|por la plataforma|en {site}] {day}?
schedule: {hi}te [mandé|envié] la invitación a la reunión por la plataforma para {day}
rules: {hi}[ojo,|para que sepas,|te aviso,] {site} no permite [compartir contactos|pagos por fuera] antes del contrato
rules: {hi}las [reglas|condiciones] dicen que todos los pagos [van|tienen que ir] por {site}
report: {hi}{who} me pidió que [pagara|cobrara] por {method} y [me negué|le dije que no|lo reporté]
report: {hi}{who} [quería|me pedía] mi {msgr}, [lo reporté|le dije que no|no se lo di]
report: {hi}¿cómo reporto a {who} que me pide pagar por fuera de {site}?
project: {hi}[mi tarifa|el precio] por {work} es {amt}[, comisión incluida|]
project: {hi}{ms} [será|es] de {amt}[, para {day}|]
project: {hi}la página de pago [muestra|tiene] [una comisión mal calculada|un error] en el móvil
project: {hi}[arregla|revisa] la validación del campo de [teléfono|correo] en el formulario
project: {hi}lo [vemos|revisamos] en la llamada de la plataforma {day}
""",
}

# ---- segunda pasada
SLOTS["wd"] = ["Payoneer", "mi cuenta bancaria", "PayPal", "Wise", "mi banco", "Mercado Pago"]
T["solicit_contact"] += """
inperson: {hi}estamos en la misma ciudad, ¿[nos tomamos un café|nos vemos en persona|quedamos] y hablamos de {work}?
client: {hi}[te dejo|este es] mi [número directo|celular personal], [llámame|escríbeme|mándame wsp] [cuando quieras|{day}]
client: {hi}mi [asistente|socio] te va a [llamar|escribir] directamente, [pásame tu número|déjame tu teléfono]
after: {hi}[cuando aceptes|en cuanto cerremos], [pasamos|seguimos] por {msgr}[ para el día a día|, es más cómodo|]
after: {hi}[armo|creo] un grupo de {msgr} con mi equipo [y hablamos ahí|para no usar este chat]
vague: {hi}¿hay [otra forma|alguna otra manera] de [contactarte|hablar contigo]?
"""
T["solicit_payment"] += """
invoice: {hi}[mándame|envíame] la factura [por correo|directo|por fuera] y te la pago [por {method}|directamente]
cancel: {hi}[cancelemos|cerremos] el contrato [acá|ahora] y el resto te lo pago [directo|por {method}|por fuera]
bonus: {hi}te mando [una propina|un bono|un extra] por {method}[, no por {site}| aparte|]
client: {hi}[siempre|normalmente] les pago a los freelancers por {method}, ¿[te sirve|está bien]?
client: {hi}[pásame|¿cuál es] tu [correo de PayPal|CBU|CLABE|cuenta de Wise|número de Nequi|IBAN][ para pagarte|?]
"""
T["none"] += """
withdraw: {hi}[retiro|paso] mis ganancias de {site} a {wd}[ cada semana| una vez al mes|]
withdraw: {hi}el retiro a {wd} [está pendiente|tarda 3 días|ya llegó][, gracias por liberar el hito|]
funding: {hi}[voy a agregar|agrego] [mi tarjeta|PayPal] como método de pago en {site} [para fondear {ms}|y te pago|]
bonus: {hi}te mando un bono [por|desde] {site}[ por el trabajo extra| después de {ms}|]
nochannel: {hi}no uso {msgr}[ para trabajar|, perdón|, sigamos aquí|]
nochannel: {hi}no hace falta [intercambiar números|pasarnos correos], con este chat [me alcanza|está bien]
scam: {hi}[ojo|cuidado], los estafadores [siempre piden|suelen pedir] [pasar a {msgr}|pagar por {method}|pagos por fuera]
project: {hi}[agrega|diseña] un botón de [contacto|wsp|llamada] en el [footer|inicio|landing]
"""

# ---- tercera pasada (redactada distinta de los mensajes escritos a mano de natural/)
T["solicit_contact"] += """
email: {hi}¿[seguimos|pasamos] por correo [para los papeles|para los archivos|con esto]? [este chat es incómodo|mi bandeja es más práctica|]
email: {hi}el mail me [funciona|va] mejor, [la dirección está|lo puse] [en mi perfil|en mi CV]
callback: {hi}[dejame|hazme] una perdida [a mi línea|cuando puedas|esta noche][ y te devuelvo|]
callback: {hi}te [llamo|marco] [en un minuto|ahora|enseguida], [atendé|contesta] el número desconocido
sms: {hi}[mandá|envía] el punto de [encuentro|retiro] a mi [celu|teléfono] [por SMS|como mensaje][, no tengo la compu|, estoy en la calle|]
google: {hi}mi [estudio|negocio|tienda] sale primero en Google, [llamá al número de ahí|el teléfono está en la web]
meetq: {hi}¿[podemos|podríamos] hacer la [entrevista|llamada] por {meet}? [es lo que usamos internamente|el equipo está ahí|]
"""
T["solicit_payment"] += """
split: {hi}[cargá|fondea] solo [un monto simbólico|lo mínimo] en el contrato [para que se vea normal|por las apariencias], lo [real|grueso] lo [arreglamos|saldamos] [por {method}|en privado]
feecover: {hi}la comisión que cobre {method} la pongo yo, vos [recibí|cobrá] ahí
limit: {hi}[tengo la cuenta congelada|mis cobros están trabados] [hasta el mes que viene|por ahora], [girá|mandá] a [mi hermano|mi primo|mi pareja] [que me lo pasa|y listo]
visit: {hi}la parte de la [instalación|entrega] la [arreglamos|pago] en efectivo [ese día|en casa], la app no se entera
"""
T["none"] += """
discount: {hi}la [comisión|tarifa de servicio] [pesa bastante|se nota], ¿[habría|hay] margen para un [pequeño descuento|descuentito] en tu presupuesto?
support: {hi}¿cuántos días tarda un retiro a {wd} desde {site}?
support: {hi}¿se puede vincular {wd} para [retiros|cobros] en {site}?
released: {hi}acabo de aprobar {ms} en {site}[, ¡excelente trabajo!|, cinco estrellas|, ya te debería llegar|]
otp: {hi}los usuarios tienen que recibir un código [por SMS|en el celular] al registrarse, ¿[lo armás|lo podés hacer] con Twilio o similar?
invoiceup: {hi}adjuntá tu factura al [hito|contrato] en {site}[ para registrarla|]
dontsend: {hi}no hace falta [intercambiar contactos|pasarnos números] [todavía|por ahora], todo puede seguir [en este chat|en {site}] hasta que arranque el contrato
payon: {hi}[cuando|una vez que] se apruebe {work}, el [saldo|pago] completo sale por {site}
offered: {hi}{who} me quiso tentar con [un bono|plata extra|una tarifa más alta] para cobrar por {method}, [ni loco|le dije que no|paso]
"""

# ---- cuarta pasada: redes, audios, tarjetas regalo, solicitudes y links de pago, remesas
T["solicit_contact"] += """
social: {hi}[seguime|agregame|conectemos] en [LinkedIn|Insta|TikTok|X] y [hablamos por ahí|te escribo por DM]
social: {hi}[sumate a nuestro servidor de Discord|sumate a nuestro grupo de Telegram|te invito a nuestra comunidad de WhatsApp] [para coordinar|del proyecto]
voice: {hi}[grabame|mandame] un [audio|mensaje de voz] por {msgr}[ con los detalles| y lo vemos|]
"""
T["solicit_payment"] += """
giftcard: {hi}¿[aceptarías|te sirve] [una tarjeta de regalo|gift cards de Amazon|tarjetas de Steam] como pago?
"""
T["none"] += """
allowed: {hi}{who} quiere que le pague [directo|por fuera|por {method}], ¿[eso está permitido|va contra las reglas|lo reporto]?
feeq: {hi}¿cuánto [cobra|se queda] {site} en contratos [por hora|de precio fijo|largos]?
wallet: {hi}[estamos armando|necesitamos] una [billetera cripto|app de remesas|app de pagos P2P] y buscamos dev [mobile|backend|Flutter]
"""
T["solicit_payment"] += """
billme: {hi}[cobrame|facturame] por {method} [en vez de acá|por fuera de {site}|sin pasar por el contrato]
ownsite: {hi}en mi [web|sitio] hay una página de pago, [aboná|pagá] [el anticipo|el resto|el saldo] ahí[ y nos ahorramos {fee}|]
mtcn: {hi}[andá|acercate] a una agencia [de Western Union|de MoneyGram|de envíos] y [mandame|pasame] el [código MTCN|número de control] [por mensaje|], yo lo retiro
"""
T["none"] += """
plain: {hi}¿[podés|puedes] [agrandar el encabezado|cambiar la tipografía|usar los colores de la marca|acortar la intro] en {work}?
plain: {hi}[gracias|genial], [quedó muy bien|es justo lo que quería|me encanta la segunda versión][, te paso comentarios {day}|, solo un cambio chico|]
plain: {hi}¿cuál es tu [plazo|disponibilidad] para {work}? [lo necesitamos {day}|sin apuro|]
plain: {hi}ya [subí|compartí] [el brief|los archivos del logo|los textos] arriba, [avisame si falta algo|miralo cuando puedas]
"""
